import type { Entity, EntityExtractor } from '../../core/nlu.js';
import { findNumericRuns } from './numeric-runs.js';

/** Entity type of plain whole numbers (quantities, sizes). */
export const NUMBER_ENTITY = 'number';

// Words customers use for small quantities ("two of them", "a dozen").
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6],
  ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['dozen', 12],
]);
const WORD_PATTERN = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${[...NUMBER_WORDS.keys()].join('|')})(?![\\p{L}\\p{N}_])`, 'giu');

/**
 * Finds whole numbers written in digits (`3`, `42`) or as words (`two`, `dozen`); `value`
 * is the number in decimal digits without leading zeros.
 *
 * @remarks Digits that are part of a phone number, decimal or other longer number are
 * skipped. Six-digit numbers are found too; when merged, the order-id extractor (a `pattern`)
 * outranks this one (a `recognizer`), so an order number wins (see `mergeEntities`).
 */
export class NumberExtractor implements EntityExtractor {
  readonly name = 'number';

  async extract(texts: readonly string[]): Promise<Entity[][]> {
    return texts.map((text) => [...this.digits(text), ...this.words(text)].sort((a, b) => a.start - b.start));
  }

  private digits(text: string): Entity[] {
    return findNumericRuns(text)
      .filter((run) => !run.phoneLike && run.groups.length === 1)
      .flatMap((run) => run.groups)
      .map((group) => this.entity({ text, start: group.start, end: group.end, value: group.digits.replace(/^0+(?=\d)/, '') }));
  }

  private words(text: string): Entity[] {
    return [...text.matchAll(WORD_PATTERN)].map((match) =>
      this.entity({
        text,
        start: match.index,
        end: match.index + match[0].length,
        value: String(NUMBER_WORDS.get(match[0].toLowerCase()) ?? 0),
      }),
    );
  }

  private entity(span: { text: string; start: number; end: number; value: string }): Entity {
    return {
      type: NUMBER_ENTITY,
      value: span.value,
      text: span.text.slice(span.start, span.end),
      start: span.start,
      end: span.end,
      extractor: this.name,
    };
  }
}
