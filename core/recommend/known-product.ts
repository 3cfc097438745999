/**
 * @module
 * A product page's recommendations are about its product: a `product` request whose `product_id` the live build
 * does not know is answered as not found (the worker's 404, an error line offline), never with shop-wide best
 * sellers under "Accessories for this". Without a live build the answer degrades as every answer does.
 */
import type { FieldProblem } from "../field-problems";
import type { RecommendationRequest } from "../request-schema";
import type { LoadedBuild } from "./loaded-build";

export function unknownProduct(request: RecommendationRequest, build: LoadedBuild | null): FieldProblem | undefined {
  if (request.placement !== "product" || build === null || request.product_id === undefined) return undefined;
  if (build.index.has(request.product_id)) return undefined;
  return { field: "product_id", message: `no product "${request.product_id}" in the live build` };
}
