CREATE TABLE `consent_change_request` (
	`id` text PRIMARY KEY NOT NULL,
	`child_id` text NOT NULL,
	`consent_record_id` text NOT NULL,
	`message` text,
	`requested_by_user_id` text NOT NULL,
	`requested_at` integer NOT NULL,
	FOREIGN KEY (`child_id`) REFERENCES `child_profile`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consent_record_id`) REFERENCES `consent_record`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by_user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consent_change_request_child_idx` ON `consent_change_request` (`child_id`,`requested_at`);--> statement-breakpoint
CREATE TABLE `consent_record` (
	`id` text PRIMARY KEY NOT NULL,
	`child_id` text NOT NULL,
	`purpose` text NOT NULL,
	`purpose_other` text,
	`answer` text NOT NULL,
	`reason` text,
	`asked_by` text NOT NULL,
	`asked_on` text NOT NULL,
	`recorded_by_user_id` text NOT NULL,
	`recorded_by_name` text NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`child_id`) REFERENCES `child_profile`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consent_record_child_idx` ON `consent_record` (`child_id`,`recorded_at`);--> statement-breakpoint
CREATE TABLE `profile_change` (
	`id` text PRIMARY KEY NOT NULL,
	`child_id` text NOT NULL,
	`field` text NOT NULL,
	`before` text,
	`after` text,
	`changed_by_user_id` text NOT NULL,
	`changed_by_name` text NOT NULL,
	`changed_by_role` text NOT NULL,
	`changed_at` integer NOT NULL,
	FOREIGN KEY (`child_id`) REFERENCES `child_profile`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`changed_by_user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `profile_change_child_idx` ON `profile_change` (`child_id`,`changed_at`);--> statement-breakpoint
ALTER TABLE `child_profile` ADD `own_culture` text;--> statement-breakpoint
ALTER TABLE `child_profile` ADD `own_religion` text;--> statement-breakpoint
ALTER TABLE `child_profile` ADD `own_languages` text;--> statement-breakpoint
ALTER TABLE `child_profile` ADD `own_about_me` text;