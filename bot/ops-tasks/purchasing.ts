import type { ParseResult } from '../../core/nlu.js';
import { entityValue, type Task } from '../tasks.js';

/**
 * The warehouse and SKU named in the message that starts a purchasing task.
 *
 * @remarks Refinements only, never asked for: without them the tools plan for every SKU in
 * every warehouse. Suppliers are not extracted because the NLU has no supplier entity yet.
 */
export function purchasingArgs(options: { parse: ParseResult }): Record<string, unknown> {
  const warehouse = entityValue(options.parse, 'warehouse');
  const sku = entityValue(options.parse, 'sku');
  return {
    ...(warehouse ? { warehouse: warehouse.toUpperCase() } : {}),
    ...(sku ? { sku: sku.toUpperCase() } : {}),
  };
}

/**
 * Purchasing tasks for staff, keyed by the intent that starts them.
 *
 * @remarks `create_purchase_order` follows up the last reorder suggestions, keeping their scope.
 * Its tool changes state, so the dialogue shows the tool's preview and asks for confirmation
 * before anything is stored.
 */
export const PURCHASING_TASKS: Readonly<Record<string, Task>> = {
  reorder_suggestion: {
    intent: 'reorder_suggestion', tool: 'reorder_suggestions', slots: [], needsCustomer: false, initialArgs: purchasingArgs,
  },
  create_purchase_order: {
    intent: 'create_purchase_order', tool: 'create_purchase_orders', slots: [], needsCustomer: false, initialArgs: purchasingArgs,
    followsUp: 'reorder_suggestions',
  },
};
