import type { ParseResult } from '../../core/nlu.js';
import { entityValue, type Task } from '../tasks.js';

/**
 * What a recommendation question names: the NLU's `sku` entity, and its `product` entity (a
 * product name or a kind of product, "walking boots") as `productName`.
 *
 * @remarks Neither is ever asked for: without them the tool picks for the customer, or lists best
 * sellers for someone not identified.
 */
export function recommendationArgs(options: { parse: ParseResult }): Record<string, unknown> {
  const sku = entityValue(options.parse, 'sku');
  const productName = entityValue(options.parse, 'product');
  return { ...(sku ? { sku: sku.toUpperCase() } : {}), ...(productName ? { productName } : {}) };
}

/** Product suggestions, keyed by the intent that starts them; open to customers, identified or not. */
export const RECOMMENDATION_TASKS: Readonly<Record<string, Task>> = {
  recommend_product: {
    intent: 'recommend_product', tool: 'recommend_products', slots: [], needsCustomer: false, initialArgs: recommendationArgs,
  },
};
