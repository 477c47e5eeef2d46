import type { EntityAnnotation } from './types.js';
import type { Token, Tokenizer } from './tokenizers.js';

/** Tokens and their BIO tags, aligned one to one. */
export interface BioSequence {
  tokens: Token[];
  /** `O`, `B-<type>` or `I-<type>` per token. */
  tags: string[];
}

/** The tag of tokens outside every entity. */
export const OUTSIDE_TAG = 'O';

/**
 * Tokenises an annotated example and tags each token `B-type`, `I-type` or `O`.
 *
 * @remarks A token belongs to an entity when it overlaps the entity's span, so an annotation
 * that cuts a token in two (`[#100](order_id)234`) still tags the whole token; annotate whole
 * words to avoid that.
 *
 * @example
 * ```ts
 * toBio({ text: 'stock in Leeds', entities: [{ type: 'warehouse', start: 9, end: 14, value: 'LDS' }] }, tokenizeWords).tags;
 * // ['O', 'O', 'B-warehouse']
 * ```
 */
export function toBio(example: { text: string; entities: readonly EntityAnnotation[] }, tokenizer: Tokenizer): BioSequence {
  const tokens = tokenizer(example.text);
  const tags = tokens.map(() => OUTSIDE_TAG);
  for (const entity of example.entities) {
    let inside = false;
    tokens.forEach((token, i) => {
      if (token.end <= entity.start || token.start >= entity.end || tags[i] !== OUTSIDE_TAG) return;
      tags[i] = `${inside ? 'I' : 'B'}-${entity.type}`;
      inside = true;
    });
  }
  return { tokens, tags };
}
