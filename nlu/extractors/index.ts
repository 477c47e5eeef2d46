import type { EntityExtractor } from '../../core/nlu.js';
import { EmailExtractor } from './email-extractor.js';
import { NumberExtractor } from './number-extractor.js';
import { OrderIdExtractor } from './order-id-extractor.js';

export { combineExtractors, resolveOverlaps, type RankedEntity } from './combine-extractors.js';
export { EMAIL_ENTITY, EmailExtractor } from './email-extractor.js';
export { NUMBER_ENTITY, NumberExtractor } from './number-extractor.js';
export { findNumericRuns, type DigitGroup, type NumericRun } from './numeric-runs.js';
export { ORDER_ID_ENTITY, OrderIdExtractor } from './order-id-extractor.js';

/**
 * The shop's recognisers in priority order: order ids, e-mails, plain numbers.
 *
 * @remarks Order matters for overlaps of equal length: an order number is also a number,
 * and the order-id extractor, listed first, wins.
 */
export function createDefaultExtractors(): EntityExtractor[] {
  return [new OrderIdExtractor(), new EmailExtractor(), new NumberExtractor()];
}
