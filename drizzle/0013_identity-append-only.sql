-- Custom SQL migration file, put your code below! --
-- The child's consent answers, their requests to change one, and the history of how they are
-- described are append-only: a change is a new row, and the database refuses to alter or remove one.
CREATE TRIGGER `consent_record_no_update` BEFORE UPDATE ON `consent_record`
BEGIN
	SELECT RAISE(ABORT, 'consent_record is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `consent_record_no_delete` BEFORE DELETE ON `consent_record`
BEGIN
	SELECT RAISE(ABORT, 'consent_record is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `consent_change_request_no_update` BEFORE UPDATE ON `consent_change_request`
BEGIN
	SELECT RAISE(ABORT, 'consent_change_request is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `consent_change_request_no_delete` BEFORE DELETE ON `consent_change_request`
BEGIN
	SELECT RAISE(ABORT, 'consent_change_request is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `profile_change_no_update` BEFORE UPDATE ON `profile_change`
BEGIN
	SELECT RAISE(ABORT, 'profile_change is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `profile_change_no_delete` BEFORE DELETE ON `profile_change`
BEGIN
	SELECT RAISE(ABORT, 'profile_change is append-only');
END;
