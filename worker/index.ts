/**
 * @module
 * The Worker entry: the Hono app for HTTP, the queue consumer that writes events and exposures to D1, and the
 * cron that republishes the stock and rules overlays.
 */
import { createApp } from "./app";
import { consumeEvents } from "./queue/events-consumer";
import { scheduled } from "./scheduled";

const app = createApp();

export default {
  fetch: app.fetch,
  queue: consumeEvents,
  scheduled,
} satisfies ExportedHandler<Env>;
