import type { Entity, EntityExtractor } from '../../core/nlu.js';
import { findNumericRuns, type NumericRun } from './numeric-runs.js';

/** Entity type of the shop's order numbers. */
export const ORDER_ID_ENTITY = 'order_id';

// The demo shop numbers its orders 100000–999999.
const ORDER_NUMBER = /^[1-9]\d{5}$/;

/**
 * Finds order numbers: six digits from 100000 to 999999, optionally written `#100234`.
 *
 * @remarks A six-digit group counts only when it stands alone or in a list of order numbers
 * (`100234/100235`): groups inside longer numbers, phone numbers (`+44 …`, `(020) 123456`,
 * `0770 900123`) or decimals are ignored. `value` is the six digits; the span includes a
 * leading `#` when written.
 */
export class OrderIdExtractor implements EntityExtractor {
  readonly name = 'order-id';

  async extract(texts: readonly string[]): Promise<Entity[][]> {
    return texts.map((text) => findNumericRuns(text).flatMap((run) => this.fromRun(text, run)));
  }

  private fromRun(text: string, run: NumericRun): Entity[] {
    if (run.phoneLike) return [];
    // Several groups are one longer number unless every group is itself an order number.
    if (!run.groups.every((group) => ORDER_NUMBER.test(group.digits))) return [];
    return run.groups.map((group) => {
      const start = text[group.start - 1] === '#' ? group.start - 1 : group.start;
      return {
        type: ORDER_ID_ENTITY,
        value: group.digits,
        text: text.slice(start, group.end),
        start,
        end: group.end,
        extractor: this.name,
      };
    });
  }
}
