import type { Entity } from '../../core/nlu.js';

/**
 * Where a candidate entity comes from, most trusted first:
 *
 * 1. `pattern` — the shop's regular expressions (order ids, e-mails, SKUs): exact by construction.
 * 2. `gazetteer` — an exact match of a catalogue name, SKU or lookup value the shop listed.
 * 3. `recognizer` — Microsoft Recognizers-Text (dates, money, numbers, phones, ...) and the
 *    plain number extractor.
 * 4. `fuzzy-gazetteer` — a catalogue or lookup match with a typo: a guess, but a whole name
 *    the shop listed, resolved to its canonical value.
 * 5. `tagger` — the trained sequence tagger: learnt, so it can be wrong, and its values are
 *    the words as written.
 */
export const ENTITY_SOURCES = ['pattern', 'gazetteer', 'recognizer', 'fuzzy-gazetteer', 'tagger'] as const;
/** A source from {@link ENTITY_SOURCES}. */
export type EntitySource = (typeof ENTITY_SOURCES)[number];

/** An entity and the kind of component that found it. */
export interface EntityCandidate {
  entity: Entity;
  source: EntitySource;
}

/**
 * The source of each built-in extractor, keyed by the `extractor` name its entities carry.
 *
 * @remarks Keyed by entity rather than by extractor so that merging is the same wherever it
 * happens: inside `createShopEntityExtractor`, or again in the engine across several extractors,
 * where one extractor's entities come from several sources.
 */
export const EXTRACTOR_SOURCES: Readonly<Record<string, EntitySource>> = {
  'order-id': 'pattern',
  email: 'pattern',
  sku: 'pattern',
  number: 'recognizer',
  recognizers: 'recognizer',
  catalogue: 'gazetteer',
  lookup: 'gazetteer',
  'catalogue-fuzzy': 'fuzzy-gazetteer',
  'lookup-fuzzy': 'fuzzy-gazetteer',
  tagger: 'tagger',
};

/**
 * The source of an entity, from the extractor that found it (see {@link EXTRACTOR_SOURCES}).
 *
 * @remarks An extractor not in the table counts as a `pattern`: the extractors a shop adds
 * without training (the `patterns` of `createShopEntityExtractor`) are hand-written rules.
 */
export function entitySource(entity: Entity): EntitySource {
  return EXTRACTOR_SOURCES[entity.extractor] ?? 'pattern';
}

const rank = new Map<EntitySource, number>(ENTITY_SOURCES.map((source, i) => [source, i]));

/**
 * The one overlap rule of the NLU: keeps a set of non-overlapping spans, ordered by start.
 *
 * The rule, applied greedily: (1) the more trusted source wins (see {@link ENTITY_SOURCES});
 * (2) among equals, the longer span; (3) then the leftmost; (4) then the order given.
 * Touching spans (one ends where the other starts) do not overlap; empty spans are dropped.
 *
 * @remarks Source before length on purpose: `#100234` from the order-id pattern must beat a
 * longer tagger span that runs over it, and an exact catalogue match beats a longer guess from
 * the tagger. A fuzzy catalogue match also beats the tagger: trained on the demo shop's data, the
 * tagger marks `jacket` in `kinder waterprof jacket`, where the gazetteer finds the whole product
 * and its SKU. Length before position makes `next Tuesday` (a date) beat `next` (an ordinal), and
 * `£54` (money) beat `54` (a number) from the same recogniser. `combineExtractors` (and so
 * `createShopEntityExtractor` and the engine) merges with this rule, taking each entity's
 * source from {@link entitySource}.
 *
 * @example
 * ```ts
 * mergeEntities([
 *   { source: 'recognizer', entity: number100234 },
 *   { source: 'pattern', entity: orderId100234 },
 * ]); // [orderId100234]
 * ```
 */
export function mergeEntities(candidates: readonly EntityCandidate[]): Entity[] {
  const ordered = candidates
    .map((candidate, index) => ({ ...candidate, index }))
    .sort(
      (a, b) =>
        (rank.get(a.source) ?? ENTITY_SOURCES.length) - (rank.get(b.source) ?? ENTITY_SOURCES.length) ||
        b.entity.end - b.entity.start - (a.entity.end - a.entity.start) ||
        a.entity.start - b.entity.start ||
        a.index - b.index,
    );
  const kept: Entity[] = [];
  for (const { entity } of ordered) {
    if (entity.end <= entity.start) continue;
    if (kept.every((other) => entity.end <= other.start || entity.start >= other.end)) kept.push(entity);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Resolves overlaps among entities of one source (longest, then leftmost). */
export function resolveSameSource(entities: readonly Entity[]): Entity[] {
  return mergeEntities(entities.map((entity) => ({ entity, source: 'pattern' })));
}
