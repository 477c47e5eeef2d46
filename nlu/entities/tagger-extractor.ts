import type { Entity, EntityExtractor } from '../../core/nlu.js';
import { toBio } from '../training-format/bio.js';
import { tokenizeChars, tokenizeWords, type Tokenizer } from '../training-format/tokenizers.js';
import type { AnnotatedExample, LookupTable, TrainingLanguage } from '../training-format/types.js';
import { foldToken } from './fuzzy.js';
import { spansFromTags } from './metrics.js';
import type { SequenceTagger, TaggedExample } from './sequence-tagger.js';

/** The tokenizer the tagger uses for a language: words for English, characters for Chinese. */
export function tokenizerFor(language: TrainingLanguage): Tokenizer {
  return language === 'zh' ? tokenizeChars : tokenizeWords;
}

/** Turns annotated training examples into tagger input (tokens and BIO tags). */
export function toTaggedExamples(examples: readonly AnnotatedExample[], language: TrainingLanguage): TaggedExample[] {
  const tokenizer = tokenizerFor(language);
  return examples.map((example) => {
    const bio = toBio(example, tokenizer);
    return { tokens: bio.tokens.map((t) => t.text), tags: bio.tags };
  });
}

/** Options of {@link createTaggerExtractor}. */
export interface TaggerExtractorOptions {
  /** A trained (or loaded) tagger. */
  tagger: SequenceTagger;
  /** Lookup tables whose values and synonyms normalise tagged spans (`Leeds` → `LDS`). @defaultValue [] */
  lookups?: readonly LookupTable[];
}

/**
 * Runs a sequence tagger as an entity extractor: tokenises, tags, and turns BIO spans into
 * entities with character offsets.
 *
 * @remarks `value` is the span as written, unless it spells (case- and accent-blind) a value
 * or synonym of a lookup table of the same type, which gives the canonical value.
 */
export function createTaggerExtractor(options: TaggerExtractorOptions): EntityExtractor {
  const { tagger } = options;
  const tokenizer = tokenizerFor(tagger.language);
  const canonical = new Map<string, string>();
  for (const table of options.lookups ?? []) {
    for (const entry of table.entries) {
      for (const phrase of [entry.value, ...entry.synonyms]) canonical.set(`${table.type}\u0000${foldToken(phrase)}`, entry.value);
    }
  }
  return {
    name: 'tagger',
    async extract(texts: readonly string[]): Promise<Entity[][]> {
      const tokenized = texts.map(tokenizer);
      const tags = tagger.tag(tokenized.map((tokens) => tokens.map((t) => t.text)));
      return texts.map((text, i) => {
        const tokens = tokenized[i] ?? [];
        return spansFromTags(tags[i] ?? []).map((span) => {
          const start = tokens[span.start]?.start ?? 0;
          const end = tokens[span.end - 1]?.end ?? start;
          const written = text.slice(start, end);
          const value = canonical.get(`${span.type}\u0000${foldToken(written)}`) ?? written;
          return { type: span.type, value, text: written, start, end, extractor: 'tagger' };
        });
      });
    },
  };
}
