/**
 * @module
 * The Worker entry: the Hono app for HTTP.
 */
import { createApp } from "./app";

const app = createApp();

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
