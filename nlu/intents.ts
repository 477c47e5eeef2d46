/**
 * The intents the demo shop's bot policy handles. Training data for the shop must define
 * exactly these.
 */
export const SHOP_INTENTS = [
  'greet',
  'goodbye',
  'thanks',
  'affirm',
  'deny',
  'help',
  'identify',
  'order_status',
  'list_orders',
  'cancel_order',
  'change_address',
  'start_return',
  'human_handoff',
  'knowledge_question',
  'out_of_scope',
] as const;

/** One of {@link SHOP_INTENTS}. */
export type ShopIntent = (typeof SHOP_INTENTS)[number];

/** Whether a predicted intent name is one the shop's policy handles. */
export function isShopIntent(name: string): name is ShopIntent {
  return (SHOP_INTENTS as readonly string[]).includes(name);
}
