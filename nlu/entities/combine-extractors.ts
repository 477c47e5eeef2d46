import type { Entity, EntityExtractor } from '../../core/nlu.js';
import { ComponentContractError } from '../errors.js';
import { entitySource, mergeEntities } from './merge.js';

/**
 * Runs several extractors on the same batch and merges their entities with `mergeEntities`,
 * each entity ranked by the source of the extractor that found it (`entitySource`).
 *
 * @remarks The only place extractors are combined: `createShopEntityExtractor` and
 * `createNluEngine` both go through it, so the NLU has one overlap rule.
 *
 * @throws {@link ComponentContractError} when an extractor returns a result count that differs
 * from the number of texts.
 * @example
 * ```ts
 * const extractor = combineExtractors([new OrderIdExtractor(), new EmailExtractor()]);
 * const [entities] = await extractor.extract(['order #100234, jane@example.com']);
 * ```
 */
export function combineExtractors(extractors: readonly EntityExtractor[], name = 'combined'): EntityExtractor {
  return {
    name,
    async extract(texts: readonly string[]): Promise<Entity[][]> {
      const results = await Promise.all(extractors.map((extractor) => extractor.extract(texts)));
      results.forEach((result, i) => {
        if (result.length !== texts.length) {
          throw new ComponentContractError(`Extractor "${extractors[i]?.name}" returned ${result.length} results for ${texts.length} texts`);
        }
      });
      return texts.map((_, t) => mergeEntities(results.flatMap((result) => (result[t] ?? []).map((entity) => ({ entity, source: entitySource(entity) })))));
    },
  };
}
