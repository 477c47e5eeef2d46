/**
 * Purchasing: safety stock, reorder point and order-up-to level from forecast error, lead time
 * and a service level; draft purchase orders per supplier rounded to packs and MOQs.
 *
 * @remarks Pure functions over plain data; `read.ts` reads supplier facts from the store. There
 * is no purchase-order table yet, so {@link DraftPurchaseOrder} is returned, never stored.
 */
export { erfc, inverseNormalCdf, normalCdf } from './normal.js';
export { demandOver, forecastErrorSigma, stockPolicy, StockPolicyInputSchema, type StockPolicy, type StockPolicyInput } from './policy.js';
export { roundOrderQuantity, type OrderTerms, type RoundedQuantity } from './rounding.js';
export { suggestPurchaseOrders, type SuggestPurchaseOrdersInput } from './suggest.js';
export { readSupplyFacts, type ReadSupplyFactsOptions, type SupplyFacts } from './read.js';
export type { DraftPurchaseOrder, DraftPurchaseOrderLine, PurchasePlan, ReplenishmentItem, SkippedItem, SupplierRef } from './types.js';
