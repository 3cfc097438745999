/**
 * @module
 * The one Hono environment type every route and middleware shares.
 */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
  };
}
