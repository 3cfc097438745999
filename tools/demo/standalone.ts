/**
 * @module
 * The row shape of simple product tables (audio, wearables, gaming, smart home, computer accessories): one row a
 * model, optionally sold in several colours, each colour its own product.
 */
import type { LeafKey } from "./category-tree";
import type { Attrs, ProductSpec } from "./product";
import type { Scenario } from "./vocabulary";

export interface ModelRow {
  leaf: LeafKey;
  brand: string;
  name: string;
  price: number;
  colors?: readonly string[];
  /** Attribute the `colors` entries vary (default "color"); values of other keys are slugged ("de-qwertz"). */
  variant?: string;
  attrs?: Attrs;
  scenarios?: readonly Scenario[];
  popularity?: number;
  launched?: string;
  lifecycle?: ProductSpec["lifecycle"];
}

/** Builds rows of one leaf from tuples `[brand, name, price, colors?, attrs?, scenarios?]`. */
export function rows(
  leaf: LeafKey,
  defaults: Partial<ModelRow>,
  tuples: readonly (readonly [string, string, number, (readonly string[])?, Attrs?, (readonly Scenario[])?, Partial<ModelRow>?])[],
): ModelRow[] {
  return tuples.map(([brand, name, price, colors, attrs, scenarios, extra]) => ({
    ...defaults,
    leaf,
    brand,
    name,
    price,
    ...(colors ? { colors } : {}),
    attrs: { ...defaults.attrs, ...attrs },
    ...(scenarios ? { scenarios } : {}),
    ...extra,
  }));
}
