ALTER TABLE `order_lines` ADD `rec_id` text;--> statement-breakpoint
ALTER TABLE `order_lines` ADD `slot` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `session_id` text;--> statement-breakpoint
CREATE INDEX `orders_session` ON `orders` (`session_id`);--> statement-breakpoint
CREATE INDEX `events_user` ON `events` (`user_id`);