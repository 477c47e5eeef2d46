import type { Entity, EntityExtractor } from '../../core/nlu.js';

/** Entity type of stock-keeping unit codes. */
export const SKU_ENTITY = 'sku';

// The demo shop's SKUs: a three-letter category code, a hyphen and four digits (`APP-1042`,
// `FTW-1101`; see `store/seed/catalog.ts`). Han characters may touch a code: Chinese writes it
// straight after words (下周到的500件APP-1042).
const NOT_HAN = String.raw`(?!\p{Script=Han})`;
const SKU = new RegExp(String.raw`(?<!${NOT_HAN}[\p{L}\p{N}_-])([A-Za-z]{3})-(\d{4})(?!${NOT_HAN}[\p{L}\p{N}_]|-\p{N})`, 'gu');
const YEAR = /^(19|20)\d\d$/;

/**
 * Finds SKU codes written the demo shop's way (`APP-1042`); `value` is the code upper-cased.
 *
 * @remarks Deterministic, so SKUs are found without a catalogue (the CLI has none); with one,
 * the catalogue gazetteer also resolves product names to SKUs. As a `pattern` the code outranks
 * the recognisers in `mergeEntities`, so its digits are never also a quantity or a dimension.
 * Lower-case codes count too (`app-1042`), except when the digits read as a year: `mid-2024`
 * and `jan-2025` are dates, not products.
 */
export class SkuExtractor implements EntityExtractor {
  readonly name = 'sku';

  async extract(texts: readonly string[]): Promise<Entity[][]> {
    return texts.map((text) =>
      [...text.matchAll(SKU)].flatMap((match) => {
        const letters = match[1] as string;
        if (letters !== letters.toUpperCase() && YEAR.test(match[2] as string)) return [];
        return [
          {
            type: SKU_ENTITY,
            value: match[0].toUpperCase(),
            text: match[0],
            start: match.index,
            end: match.index + match[0].length,
            extractor: this.name,
          },
        ];
      }),
    );
  }
}
