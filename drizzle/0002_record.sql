CREATE TABLE `chain_checkpoint` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` integer NOT NULL,
	`heads` text NOT NULL,
	`mac` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `entry` (
	`id` text PRIMARY KEY NOT NULL,
	`child_id` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`author_user_id` text NOT NULL,
	`author_name` text NOT NULL,
	`author_post_title` text,
	`author_role` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`recorded_at` integer,
	`event_date` text NOT NULL,
	`event_precision` text NOT NULL,
	`event_label` text,
	`event_sort` text NOT NULL,
	`source_kind` text NOT NULL,
	`source_name` text,
	`source_relationship` text,
	`nature` text NOT NULL,
	`opinion_reasons` text,
	`decision_by` text,
	`decision_basis` text,
	`third_party_permission` integer DEFAULT false NOT NULL,
	`visibility` text NOT NULL,
	`confidential_reason` text,
	`is_late` integer DEFAULT false NOT NULL,
	`title` text NOT NULL,
	`body_doc` text NOT NULL,
	`body_text` text NOT NULL,
	`translations` text NOT NULL,
	`supersedes_id` text,
	`correction_reason` text,
	`seq` integer,
	`prev_hash` text,
	`hash` text,
	FOREIGN KEY (`child_id`) REFERENCES `child_profile`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `entry_child_order_idx` ON `entry` (`child_id`,`status`,`event_sort`,`recorded_at`,`id`,`visibility`,`nature`,`third_party_permission`,`kind`,`author_user_id`);--> statement-breakpoint
CREATE INDEX `entry_author_idx` ON `entry` (`author_user_id`,`status`);--> statement-breakpoint
CREATE INDEX `entry_supersedes_idx` ON `entry` (`supersedes_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `entry_child_seq_unique` ON `entry` (`child_id`,`seq`);