import type { Entity } from '../../core/nlu.js';

/**
 * Where a candidate entity comes from, most trusted first:
 *
 * 1. `pattern` — the shop's regular expressions (order ids, e-mails): exact by construction.
 * 2. `gazetteer` — an exact match of a catalogue name, SKU or lookup value the shop listed.
 * 3. `recognizer` — Microsoft Recognizers-Text (dates, money, numbers, phones, ...).
 * 4. `tagger` — the trained sequence tagger: learnt, so it can be wrong.
 * 5. `fuzzy-gazetteer` — a catalogue or lookup match with a typo: a guess.
 */
export const ENTITY_SOURCES = ['pattern', 'gazetteer', 'recognizer', 'tagger', 'fuzzy-gazetteer'] as const;
/** A source from {@link ENTITY_SOURCES}. */
export type EntitySource = (typeof ENTITY_SOURCES)[number];

/** An entity and the kind of component that found it. */
export interface EntityCandidate {
  entity: Entity;
  source: EntitySource;
}

const rank = new Map<EntitySource, number>(ENTITY_SOURCES.map((source, i) => [source, i]));

/**
 * Resolves overlapping entities: keeps a set of non-overlapping spans, ordered by start.
 *
 * The rule, applied greedily: (1) the more trusted source wins (see {@link ENTITY_SOURCES});
 * (2) among equals, the longer span; (3) then the leftmost; (4) then the order given.
 *
 * @remarks Source before length on purpose: `#100234` from the order-id pattern must beat a
 * longer tagger span that runs over it, and an exact catalogue match beats a longer guess from
 * the tagger; a fuzzy catalogue match, itself a guess, gives way to the tagger. Length before position makes `next Tuesday` (a date) beat
 * `next` (an ordinal), and `£54` (money) beat `54` (a number) from the same recogniser.
 * Touching spans (one ends where the other starts) do not overlap.
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
