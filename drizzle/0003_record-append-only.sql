-- Custom SQL migration file, put your code below! --
-- A final ("barred") entry can never be changed or deleted: the database itself refuses.
CREATE TRIGGER `entry_final_no_update` BEFORE UPDATE ON `entry` WHEN OLD.`status` = 'final'
BEGIN
	SELECT RAISE(ABORT, 'final entries cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `entry_final_no_delete` BEFORE DELETE ON `entry` WHEN OLD.`status` = 'final'
BEGIN
	SELECT RAISE(ABORT, 'final entries cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `chain_checkpoint_no_update` BEFORE UPDATE ON `chain_checkpoint`
BEGIN
	SELECT RAISE(ABORT, 'chain_checkpoint is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `chain_checkpoint_no_delete` BEFORE DELETE ON `chain_checkpoint`
BEGIN
	SELECT RAISE(ABORT, 'chain_checkpoint is append-only');
END;
