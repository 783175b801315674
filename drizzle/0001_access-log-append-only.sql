-- Custom SQL migration file, put your code below! --
-- The access log is append-only: the database itself refuses to change or remove a row.
CREATE TRIGGER `access_log_no_update` BEFORE UPDATE ON `access_log`
BEGIN
	SELECT RAISE(ABORT, 'access_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `access_log_no_delete` BEFORE DELETE ON `access_log`
BEGIN
	SELECT RAISE(ABORT, 'access_log is append-only');
END;
