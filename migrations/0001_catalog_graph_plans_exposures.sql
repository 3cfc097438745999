CREATE TABLE `category_complements` (
	`anchor_category` text NOT NULL,
	`complement_category` text NOT NULL,
	`weight` real NOT NULL,
	`source` text DEFAULT 'learned' NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	PRIMARY KEY(`anchor_category`, `complement_category`)
);
--> statement-breakpoint
CREATE TABLE `exposures` (
	`experiment_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`variant` text NOT NULL,
	`first_seen` integer NOT NULL,
	PRIMARY KEY(`experiment_id`, `unit_id`)
);
--> statement-breakpoint
CREATE INDEX `exposures_variant` ON `exposures` (`experiment_id`,`variant`);--> statement-breakpoint
CREATE TABLE `kg_edges` (
	`src` text NOT NULL,
	`rel` text NOT NULL,
	`dst` text NOT NULL,
	`weight` real DEFAULT 1 NOT NULL,
	PRIMARY KEY(`src`, `rel`, `dst`)
);
--> statement-breakpoint
CREATE INDEX `kg_edges_dst` ON `kg_edges` (`dst`,`rel`);--> statement-breakpoint
CREATE TABLE `kg_nodes` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`label` text NOT NULL,
	`attrs` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `kg_nodes_kind` ON `kg_nodes` (`kind`);--> statement-breakpoint
CREATE TABLE `slot_plans` (
	`placement` text PRIMARY KEY NOT NULL,
	`plan` text NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL
);
