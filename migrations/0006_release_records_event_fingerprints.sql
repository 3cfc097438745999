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
CREATE INDEX `products_price` ON `products` (`build_id`,`price`);--> statement-breakpoint
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
ALTER TABLE `orders` ADD `event_id` text;--> statement-breakpoint
-- The product table was rebuilt, which dropped the search triggers and gave its rows new rowids: the triggers come
-- back keyed by (build_id, id), a product's category path read from its own build's categories, and the index is
-- filled anew.
CREATE TRIGGER `products_fts_before_insert` BEFORE INSERT ON `products` BEGIN DELETE FROM `products_fts` WHERE rowid = (SELECT rowid FROM `products` WHERE `build_id` = new.`build_id` AND `id` = new.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_after_insert` AFTER INSERT ON `products` BEGIN INSERT INTO `products_fts` (rowid, `title`, `brand`, `category`, `facts`) VALUES (new.rowid, new.`title`, coalesce(new.`brand`, ''), coalesce((SELECT `path` FROM `categories` WHERE `build_id` = new.`build_id` AND `id` = new.`category_id`), ''), new.`compat_keys`); END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_after_update` AFTER UPDATE OF `title`, `brand`, `category_id`, `compat_keys` ON `products` BEGIN DELETE FROM `products_fts` WHERE rowid = old.rowid; INSERT INTO `products_fts` (rowid, `title`, `brand`, `category`, `facts`) VALUES (new.rowid, new.`title`, coalesce(new.`brand`, ''), coalesce((SELECT `path` FROM `categories` WHERE `build_id` = new.`build_id` AND `id` = new.`category_id`), ''), new.`compat_keys`); END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_after_delete` AFTER DELETE ON `products` BEGIN DELETE FROM `products_fts` WHERE rowid = old.rowid; END;
--> statement-breakpoint
DELETE FROM `products_fts`;
--> statement-breakpoint
INSERT INTO `products_fts` (rowid, `title`, `brand`, `category`, `facts`) SELECT p.rowid, p.`title`, coalesce(p.`brand`, ''), coalesce(c.`path`, ''), p.`compat_keys` FROM `products` p LEFT JOIN `categories` c ON c.`build_id` = p.`build_id` AND c.`id` = p.`category_id`;
