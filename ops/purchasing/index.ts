/**
 * Purchasing: safety stock, reorder point and order-up-to level from forecast error, lead time
 * and a service level; draft purchase orders per supplier rounded to packs and MOQs.
 *
 * @remarks The policy and the suggestion are pure functions over plain data. `read.ts`,
 * `store-items.ts` and `plan-from-store.ts` read what they need from the store;
 * `drafts.ts` stores staff-confirmed suggestions as draft purchase orders, which then count as
 * on order. Nothing here sends anything to a supplier.
 */
export { erfc, inverseNormalCdf, normalCdf } from './normal.js';
export { demandOver, forecastErrorSigma, stockPolicy, StockPolicyInputSchema, type StockPolicy, type StockPolicyInput } from './policy.js';
export { roundOrderQuantity, type OrderTerms, type RoundedQuantity } from './rounding.js';
export { suggestPurchaseOrders, type SuggestPurchaseOrdersInput } from './suggest.js';
export { readSupplyFacts, type ReadSupplyFactsOptions, type SupplyFacts } from './read.js';
export type { DraftPurchaseOrder, DraftPurchaseOrderLine, PurchasePlan, ReplenishmentItem, SkippedItem, SupplierRef } from './types.js';
export { BACKTEST_DAYS, estimateDemand, type DemandEstimate } from './demand-estimate.js';
export {
  DEFAULT_ORDER_TERMS, PurchasingScopeSchema, orderTermsFromAttributes, readStockedSkus, resolveScope,
  type PurchasingScope, type ResolvedScope, type StockedSku,
} from './store-items.js';
export { planPurchaseOrdersFromStore, type PlanAssumptions, type PlanFromStoreOptions, type StorePurchasePlan } from './plan-from-store.js';
export {
  OPEN_PURCHASE_ORDER_STATUSES, createDraftPurchaseOrders, listPurchaseOrders, onOrderKey, purchaseOrderNumber, readOnOrder,
  type CreateDraftPurchaseOrdersOptions, type CreatedPurchaseOrder, type PurchaseOrderRecord,
} from './drafts.js';
