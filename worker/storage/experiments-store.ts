/**
 * @module
 * The running experiments as the edge reads them: the `cfg/experiments` KV document, parsed once and kept in
 * the isolate for `CONFIG_TTL_MS` (default 30 s), so assignment costs one KV read per isolate per TTL, not one
 * per request. Publishing from this isolate drops the cached copy at once; other isolates follow within the TTL.
 */
import { type ExperimentsDocument, parseExperimentsDocument } from "../../core/experiments/experiment-config";
import { CONFIG_KEYS } from "../../core/keys";
import { TtlCache } from "./ttl-cache";

const DEFAULT_TTL_MS = 30_000;

let cache: TtlCache<0, ExperimentsDocument> | undefined;

function documentCache(env: Env): TtlCache<0, ExperimentsDocument> {
  if (cache === undefined) {
    const ttl = Number(env.CONFIG_TTL_MS);
    cache = new TtlCache(1, Number.isFinite(ttl) && env.CONFIG_TTL_MS !== "" ? ttl : DEFAULT_TTL_MS);
  }
  return cache;
}

export async function runningExperiments(env: Env): Promise<ExperimentsDocument> {
  const documents = documentCache(env);
  let document = documents.get(0);
  if (document === undefined) {
    document = parseExperimentsDocument(await env.KV.get(CONFIG_KEYS.experiments));
    documents.set(0, document);
  }
  return document;
}

export function forgetExperiments(): void {
  cache?.clear();
}
