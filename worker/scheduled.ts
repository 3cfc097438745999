/**
 * @module
 * The cron handler (`[triggers] crons` in wrangler.toml): republishes the stock and rules overlays from D1, so
 * stock written straight to D1 reaches the edge and rules whose window closed drop out, within minutes.
 */
import { publishRules } from "./overlays/publish-rules";
import { publishStock } from "./overlays/publish-stock";

async function republishOverlays(env: Env, now = Math.floor(Date.now() / 1000)): Promise<{ outOfStock: number; rules: number }> {
  const [outOfStock, rules] = await Promise.all([publishStock(env, now), publishRules(env, now)]);
  return { outOfStock, rules };
}

export const scheduled: ExportedHandlerScheduledHandler<Env> = async (controller, env, ctx) => {
  ctx.waitUntil(
    republishOverlays(env, Math.floor(controller.scheduledTime / 1000)).then((published) =>
      console.log(JSON.stringify({ level: "info", message: "overlays republished", cron: controller.cron, ...published })),
    ),
  );
};
