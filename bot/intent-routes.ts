import type { Catalogue } from './messages/index.js';
import { mainMenu, type Reply } from './reply.js';

/** Replies to intents that need no tool, in the conversation's language. */
export const SMALL_TALK: Readonly<Record<string, (m: Catalogue) => Reply>> = {
  greet: (m) => ({ text: m.greet, quickReplies: mainMenu(m) }),
  help: (m) => ({ text: m.help, quickReplies: mainMenu(m) }),
  thanks: (m) => ({ text: m.thanks }),
  goodbye: (m) => ({ text: m.goodbye }),
  affirm: (m) => ({ text: m.affirm, quickReplies: mainMenu(m) }),
  deny: (m) => ({ text: m.deny, quickReplies: mainMenu(m) }),
  complaint: (m) => ({ text: m.complaint, quickReplies: mainMenu(m) }),
  human_handoff: (m) => ({ text: m.humanHandoff }),
};

/** "Goes with", "similar to", "also bought": a question about a product's neighbours, not a described need. */
export const ALSO_BOUGHT = /also bought|bought together|go(?:es)? (?:well )?with|similar to|something like|alternative to|搭配|类似|相似|也买|一起买/i;

/** Questions answered from the knowledge base (policies, products, catalogue). */
export const KNOWLEDGE_INTENTS = new Set(['knowledge_question', 'product_availability']);
/** Staff questions; customers asking them get pointed back to what they can do here. */
export const STAFF_INTENTS = new Set([
  'stock_level', 'low_stock', 'demand_forecast', 'reorder_suggestion', 'stock_allocation', 'route_plan', 'delayed_orders',
  'order_warehouse', 'process_metrics', 'create_purchase_order',
  'sentiment_summary', 'sales_summary', 'top_products', 'supplier_lead_time', 'customer_lookup', 'returns_summary',
]);
