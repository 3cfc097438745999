-- Product search (GET /v1/products?q=): an FTS5 index over what a shopper types, one row per product with the
-- product's rowid: title, brand, category path and compatibility keys (`conn:usb-c`, `model:apple-iphone-15`).
-- Triggers keep it in step with `products` for INSERT, INSERT OR REPLACE (the old row's entry goes before the
-- insert, since REPLACE deletes without firing delete triggers), UPDATE of the indexed columns and DELETE.
-- Queries are built by db/product-search.ts from core/search.
CREATE VIRTUAL TABLE `products_fts` USING fts5(`title`, `brand`, `category`, `facts`, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `products_fts_before_insert` BEFORE INSERT ON `products` BEGIN DELETE FROM `products_fts` WHERE rowid = (SELECT rowid FROM `products` WHERE `id` = new.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_after_insert` AFTER INSERT ON `products` BEGIN INSERT INTO `products_fts` (rowid, `title`, `brand`, `category`, `facts`) VALUES (new.rowid, new.`title`, coalesce(new.`brand`, ''), coalesce((SELECT `path` FROM `categories` WHERE `id` = new.`category_id`), ''), new.`compat_keys`); END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_after_update` AFTER UPDATE OF `title`, `brand`, `category_id`, `compat_keys` ON `products` BEGIN DELETE FROM `products_fts` WHERE rowid = old.rowid; INSERT INTO `products_fts` (rowid, `title`, `brand`, `category`, `facts`) VALUES (new.rowid, new.`title`, coalesce(new.`brand`, ''), coalesce((SELECT `path` FROM `categories` WHERE `id` = new.`category_id`), ''), new.`compat_keys`); END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_after_delete` AFTER DELETE ON `products` BEGIN DELETE FROM `products_fts` WHERE rowid = old.rowid; END;
--> statement-breakpoint
INSERT INTO `products_fts` (rowid, `title`, `brand`, `category`, `facts`) SELECT p.rowid, p.`title`, coalesce(p.`brand`, ''), coalesce(c.`path`, ''), p.`compat_keys` FROM `products` p LEFT JOIN `categories` c ON c.`id` = p.`category_id`;
