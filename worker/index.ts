/**
 * @module
 * The Worker entry: the Hono app for HTTP, and the queue consumer that writes events and exposures to D1.
 */
import { createApp } from "./app";
import { consumeEvents } from "./queue/events-consumer";

const app = createApp();

export default {
  fetch: app.fetch,
  queue: consumeEvents,
} satisfies ExportedHandler<Env>;
