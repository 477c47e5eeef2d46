import type { Entity } from '../../core/nlu.js';
import type { TrainingLanguage } from '../training-format/types.js';

/** A number found in the text (`end` exclusive) with its value in decimal. */
export interface FoundNumber {
  start: number;
  end: number;
  value: string | undefined;
}

// Chinese measure words for goods: 三件 (three items), 两双 (two pairs), 10个. 块 is left out:
// colloquially it means yuan (五块 = 5 yuan), which the money recogniser handles.
const ZH_CLASSIFIERS = new Set([...'件个双条台只瓶盒包套份箱本张把支袋罐对副顶']);
// English count words after a number: "3 pieces", "2 pairs", "4 packs of".
const EN_COUNT = /^\s*(pieces?|pcs|units?|items?|pairs?|packs?|boxes|box|bottles?|sets?)\b/i;

/**
 * Quantities of goods: a whole number followed by a measure word (`三件` → 3, `2 pairs` → 2).
 *
 * @remarks The recognisers find the number but not that it counts items; with the measure
 * word the span is a better slot value for "how many". `value` is the count in decimal.
 */
export function findQuantities(args: { text: string; language: TrainingLanguage; numbers: readonly FoundNumber[] }): Omit<Entity, 'extractor'>[] {
  const { text } = args;
  return args.numbers.flatMap((n) => {
    if (n.value === undefined || !/^\d+$/.test(n.value)) return [];
    let end: number | undefined;
    if (args.language === 'zh') {
      // 第二个 is "the second one", an ordinal, not two items.
      end = ZH_CLASSIFIERS.has(text[n.end] ?? '') && text[n.start - 1] !== '第' ? n.end + 1 : undefined;
    } else {
      const match = EN_COUNT.exec(text.slice(n.end));
      end = match ? n.end + match[0].length : undefined;
    }
    return end === undefined ? [] : [{ type: 'quantity', value: n.value, text: text.slice(n.start, end), start: n.start, end }];
  });
}
