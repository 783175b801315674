CREATE TABLE `reading_place` (
	`user_id` text PRIMARY KEY NOT NULL,
	`chapter` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `user` ADD `calm_mode` integer;--> statement-breakpoint
ALTER TABLE `child_profile` ADD `left_care_on` text;--> statement-breakpoint
ALTER TABLE `entry` ADD `content_note` text;