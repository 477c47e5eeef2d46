/**
 * The intents the demo shop's bot policy handles. Training data for the shop must define
 * exactly these (`out_of_scope` comes from the file's `out_of_scope` examples).
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
  'refund_status',
  'recommend_product',
  'product_availability',
  'complaint',
  // Staff intents (Teams, Slack).
  'stock_level',
  'low_stock',
  'demand_forecast',
  'reorder_suggestion',
  'stock_allocation',
  'route_plan',
  'delayed_orders',
  'sentiment_summary',
  'sales_summary',
  'top_products',
  'supplier_lead_time',
  'customer_lookup',
  'returns_summary',
  'order_warehouse',
  'process_metrics',
  'create_purchase_order',
  // Trained from the files' `out_of_scope` examples; the policy treats it as "not for me".
  'out_of_scope',
] as const;

/** One of {@link SHOP_INTENTS}. */
export type ShopIntent = (typeof SHOP_INTENTS)[number];

/** Whether a predicted intent name is one the shop's policy handles. */
export function isShopIntent(name: string): name is ShopIntent {
  return (SHOP_INTENTS as readonly string[]).includes(name);
}
