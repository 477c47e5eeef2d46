import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.js';
import { TRAINING_LANGUAGES } from '../training-format/types.js';
import type { CrfParameters } from './crf-model.js';
import { structureFromMasks } from './transitions.js';

const lookupSchema = z.object({
  type: z.string().min(1),
  entries: z.array(z.object({ value: z.string(), synonyms: z.array(z.string()) })),
});

/**
 * A persisted CRF tagger (plain JSON).
 *
 * @remarks State weights are stored sparsely: attribute `i` owns the next `pairCounts[i]`
 * entries of `pairLabels`/`pairWeights`. Weights that are exactly zero are left out, which
 * changes no score. `allowed` is the L × L transition mask as a string of 0s and 1s.
 */
export const persistedCrfTaggerSchema = z
  .object({
    kind: z.literal('crf-tagger'),
    version: z.literal(1),
    language: z.enum(TRAINING_LANGUAGES),
    algorithm: z.enum(['crf', 'perceptron']),
    labels: z.array(z.string().min(1)).min(1),
    attributes: z.array(z.string()),
    pairCounts: z.array(z.number().int().min(1)),
    pairLabels: z.array(z.number().int().min(0)),
    pairWeights: z.array(z.number()),
    transitions: z.array(z.number()),
    start: z.array(z.number()),
    end: z.array(z.number()),
    allowed: z.string().regex(/^[01]*$/),
    allowedStart: z.string().regex(/^[01]*$/),
    allowedEnd: z.string().regex(/^[01]*$/),
    lookups: z.array(lookupSchema),
    /** English only: words frequent in training; the others get the rare-word features. */
    frequentWords: z.array(z.string()).optional(),
  })
  .superRefine((m, ctx) => {
    const L = m.labels.length;
    const total = m.pairCounts.reduce((sum, count) => sum + count, 0);
    const problems = [
      m.pairCounts.length !== m.attributes.length && 'pairCounts must have one entry per attribute',
      (m.pairLabels.length !== total || m.pairWeights.length !== total) && 'pairLabels and pairWeights must have sum(pairCounts) entries',
      m.pairLabels.some((label) => label >= L) && 'pairLabels must index labels',
      (m.transitions.length !== L * L || m.allowed.length !== L * L) && 'transitions and allowed must have labels² entries',
      (m.start.length !== L || m.end.length !== L || m.allowedStart.length !== L || m.allowedEnd.length !== L) &&
        'start, end, allowedStart and allowedEnd must have one entry per label',
    ];
    for (const message of problems) if (message) ctx.addIssue({ code: 'custom', message });
  });

/** A persisted CRF tagger. */
export type PersistedCrfTagger = z.infer<typeof persistedCrfTaggerSchema>;

/** The model part of a persisted tagger (everything but kind, version, language, lookups). */
export type PersistedWeights = Omit<PersistedCrfTagger, 'kind' | 'version' | 'language' | 'algorithm' | 'lookups' | 'frequentWords'>;

const bits = (mask: Uint8Array) => Array.from(mask, (bit) => (bit ? '1' : '0')).join('');

/** Serialises weights, leaving out zero state weights and the attributes left with none. */
export function weightsToJson(params: CrfParameters): PersistedWeights {
  const attributes: string[] = [];
  const pairCounts: number[] = [];
  const pairLabels: number[] = [];
  const pairWeights: number[] = [];
  for (const [name, a] of params.attributeIds) {
    let count = 0;
    for (let p = params.pairStart[a] as number; p < (params.pairStart[a + 1] as number); p += 1) {
      const weight = params.state[p] as number;
      if (weight === 0) continue;
      pairLabels.push(params.pairLabel[p] as number);
      pairWeights.push(weight);
      count += 1;
    }
    if (count > 0) {
      attributes.push(name);
      pairCounts.push(count);
    }
  }
  const { structure } = params;
  return {
    labels: [...params.labels],
    attributes,
    pairCounts,
    pairLabels,
    pairWeights,
    transitions: Array.from(params.trans),
    start: Array.from(params.start),
    end: Array.from(params.end),
    allowed: bits(structure.allowed),
    allowedStart: bits(structure.allowedStart),
    allowedEnd: bits(structure.allowedEnd),
  };
}

const mask = (text: string) => Uint8Array.from(text, (bit) => (bit === '1' ? 1 : 0));

/** Rebuilds weights from their persisted form (already validated). */
export function weightsFromJson(m: PersistedWeights): CrfParameters {
  const attributeIds = new Map(m.attributes.map((name, i) => [name, i]));
  const pairStart = new Int32Array(m.attributes.length + 1);
  m.pairCounts.forEach((count, i) => {
    pairStart[i + 1] = (pairStart[i] as number) + count;
  });
  return {
    labels: [...m.labels],
    attributeIds,
    pairStart,
    pairLabel: Int32Array.from(m.pairLabels),
    state: Float64Array.from(m.pairWeights),
    trans: Float64Array.from(m.transitions),
    start: Float64Array.from(m.start),
    end: Float64Array.from(m.end),
    structure: structureFromMasks({ allowed: mask(m.allowed), allowedStart: mask(m.allowedStart), allowedEnd: mask(m.allowedEnd) }),
  };
}

/**
 * Validates a persisted tagger.
 *
 * @throws {@link InvalidInputError} naming each problem.
 */
export function parsePersistedCrfTagger(json: unknown): PersistedCrfTagger {
  const parsed = persistedCrfTaggerSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new InvalidInputError(`Invalid persisted CRF tagger: ${problems.join('; ')}`, { problems });
}
