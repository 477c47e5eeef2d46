import type { Entity, EntityExtractor } from '../../core/nlu.js';
import { ComponentContractError } from '../errors.js';

/** An entity found by the extractor at position `rank` of the list. */
export interface RankedEntity {
  entity: Entity;
  rank: number;
}

/**
 * Keeps non-overlapping entities: the longest span wins, then the extractor listed first,
 * then the earlier start. The result is ordered by start.
 *
 * @remarks `#100234` (order id, 7 characters) beats `100234` (number, 6); on equal spans
 * the order in which extractors were given decides, so list specific recognisers first.
 */
export function resolveOverlaps(candidates: readonly RankedEntity[]): Entity[] {
  const ordered = [...candidates].sort(
    (a, b) =>
      b.entity.end - b.entity.start - (a.entity.end - a.entity.start) || a.rank - b.rank || a.entity.start - b.entity.start,
  );
  const kept: Entity[] = [];
  for (const { entity } of ordered) {
    if (kept.every((other) => entity.end <= other.start || entity.start >= other.end)) kept.push(entity);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Runs several extractors on the same batch and merges their entities with
 * {@link resolveOverlaps}.
 *
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
          throw new ComponentContractError(
            `Extractor "${extractors[i]?.name}" returned ${result.length} results for ${texts.length} texts`,
          );
        }
      });
      return texts.map((_, t) =>
        resolveOverlaps(results.flatMap((result, rank) => (result[t] ?? []).map((entity) => ({ entity, rank })))),
      );
    },
  };
}
