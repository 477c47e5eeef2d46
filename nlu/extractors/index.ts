/**
 * Deterministic extractors: order numbers, e-mails, SKU codes and plain numbers.
 * `createShopEntityExtractor` (nlu/entities) runs the order-id, e-mail and SKU extractors as its
 * patterns; `combineExtractors` there merges any of them by the NLU's one overlap rule
 * (`mergeEntities`).
 */
export { EMAIL_ENTITY, EmailExtractor } from './email-extractor.js';
export { NUMBER_ENTITY, NumberExtractor } from './number-extractor.js';
export { findNumericRuns, type DigitGroup, type NumericRun } from './numeric-runs.js';
export { ORDER_ID_ENTITY, OrderIdExtractor } from './order-id-extractor.js';
export { SKU_ENTITY, SkuExtractor } from './sku-extractor.js';
