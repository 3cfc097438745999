/**
 * @module
 * Requests the worker tests send: a JSON POST, and the admin token's headers.
 */
import { env } from "cloudflare:workers";

export function post(body: unknown, headers: Record<string, string> = { "content-type": "application/json" }): RequestInit {
  return { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) };
}

/** The admin bearer token (the test ADMIN_TOKEN binding) with a JSON content type. */
export const ADMIN_JSON = { authorization: `Bearer ${env.ADMIN_TOKEN}`, "content-type": "application/json" };
