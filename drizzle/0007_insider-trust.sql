CREATE TABLE `integrity_alert` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`detected_at` integer NOT NULL,
	`kind` text NOT NULL,
	`child_id` text,
	`detail` text NOT NULL,
	`resolved_at` integer
);
--> statement-breakpoint
CREATE INDEX `integrity_alert_open_idx` ON `integrity_alert` (`resolved_at`,`child_id`);--> statement-breakpoint
ALTER TABLE `user` ADD `created_by` text;--> statement-breakpoint
ALTER TABLE `user` ADD `previous_password_hash` text;--> statement-breakpoint
ALTER TABLE `user` ADD `private_sealed_until` integer;--> statement-breakpoint
ALTER TABLE `assignment` ADD `awaiting_approval` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `assignment` ADD `approved_by` text REFERENCES user(id);--> statement-breakpoint
ALTER TABLE `assignment` ADD `approved_at` integer;--> statement-breakpoint
ALTER TABLE `access_log` ADD `prev_hash` text;--> statement-breakpoint
ALTER TABLE `access_log` ADD `hash` text;--> statement-breakpoint
ALTER TABLE `chain_checkpoint` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `chain_checkpoint` ADD `log_head` text;--> statement-breakpoint
ALTER TABLE `chain_checkpoint` ADD `prev_mac` text;