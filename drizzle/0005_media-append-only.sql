-- Custom SQL migration file, put your code below! ---- A final entry's photos and recordings are part of it: the database refuses to change them.
CREATE TRIGGER `media_final_no_update` BEFORE UPDATE ON `media`
WHEN (SELECT `status` FROM `entry` WHERE `id` = OLD.`entry_id`) = 'final'
BEGIN
	SELECT RAISE(ABORT, 'media of final entries cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `media_final_no_delete` BEFORE DELETE ON `media`
WHEN (SELECT `status` FROM `entry` WHERE `id` = OLD.`entry_id`) = 'final'
BEGIN
	SELECT RAISE(ABORT, 'media of final entries cannot be deleted');
END;
