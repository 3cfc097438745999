-- Units on hand as each build saw them; rows written before this migration take their current stock.
ALTER TABLE `products` ADD `build_stock` integer;--> statement-breakpoint
UPDATE `products` SET `build_stock` = `stock`;
