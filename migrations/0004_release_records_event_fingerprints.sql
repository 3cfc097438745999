-- The catalogue rows of the build live before this migration keep that build's id; only the live build is known
-- to have been written completely and made live, so it alone stays a rollback target.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_products` (
	`id` text NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`brand` text,
	`category_id` text,
	`price` real,
	`currency` text DEFAULT 'EUR' NOT NULL,
	`attrs` text DEFAULT '{}' NOT NULL,
	`compat_keys` text DEFAULT '[]' NOT NULL,
	`stock` integer,
	`lifecycle` text DEFAULT 'active' NOT NULL,
	`margin` real,
	`launched_at` text,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	`build_id` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`build_id`, `id`)
);
--> statement-breakpoint
INSERT INTO `__new_products`("id", "title", "brand", "category_id", "price", "currency", "attrs", "compat_keys", "stock", "lifecycle", "margin", "launched_at", "updated_at", "build_id") SELECT "id", "title", "brand", "category_id", "price", "currency", "attrs", "compat_keys", "stock", "lifecycle", "margin", "launched_at", "updated_at", COALESCE((SELECT `id` FROM `builds` WHERE `status` = 'live' LIMIT 1), '') FROM `products`;--> statement-breakpoint
DROP TABLE `products`;--> statement-breakpoint
ALTER TABLE `__new_products` RENAME TO `products`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `products_category` ON `products` (`build_id`,`category_id`);--> statement-breakpoint
CREATE INDEX `products_brand` ON `products` (`build_id`,`brand`);--> statement-breakpoint
CREATE INDEX `products_id` ON `products` (`id`);--> statement-breakpoint
CREATE TABLE `__new_categories` (
	`id` text NOT NULL,
	`name` text NOT NULL,
	`parent_id` text,
	`path` text NOT NULL,
	`depth` integer NOT NULL,
	`build_id` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`build_id`, `id`)
);
--> statement-breakpoint
INSERT INTO `__new_categories`("id", "name", "parent_id", "path", "depth", "build_id") SELECT "id", "name", "parent_id", "path", "depth", COALESCE((SELECT `id` FROM `builds` WHERE `status` = 'live' LIMIT 1), '') FROM `categories`;--> statement-breakpoint
DROP TABLE `categories`;--> statement-breakpoint
ALTER TABLE `__new_categories` RENAME TO `categories`;--> statement-breakpoint
CREATE INDEX `categories_parent` ON `categories` (`build_id`,`parent_id`);--> statement-breakpoint
ALTER TABLE `builds` ADD `written_at` integer;--> statement-breakpoint
ALTER TABLE `builds` ADD `live_at` integer;--> statement-breakpoint
UPDATE `builds` SET `written_at` = `published_at`, `live_at` = `published_at` WHERE `status` = 'live';--> statement-breakpoint
ALTER TABLE `events` ADD `fingerprint` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `event_id` text;