import { InvalidInputError } from '../core/errors.js';
import type { EntityExtractor, IntentClassifier, NluEngine, ParseResult } from '../core/nlu.js';
import { ComponentContractError } from './errors.js';
import { combineExtractors } from './entities/combine-extractors.js';

/** Languages the NLU has normalisers and training data for. */
export const SUPPORTED_LANGUAGES = ['en', 'zh'] as const;
/** A language code from {@link SUPPORTED_LANGUAGES}. */
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

/** Options of {@link createNluEngine}. */
export interface NluEngineOptions {
  /** A trained (or loaded) intent classifier. */
  classifier: IntentClassifier;
  /**
   * Entity extractors, usually one from `trainShopEntityExtractor`. Their entities are merged
   * by the NLU's one overlap rule (`mergeEntities`): the more trusted source, then the longer
   * span, then the leftmost, then the extractor listed first.
   */
  extractors: readonly EntityExtractor[];
  /** Language of the texts this engine parses. @defaultValue 'en' */
  language?: SupportedLanguage;
}

/**
 * Builds the NLU the bot calls: classifies and extracts entities for a batch of texts.
 *
 * @remarks Classification and extraction run concurrently; entities from all extractors
 * are merged by `combineExtractors`, with the same rule as inside the shop's extractor.
 *
 * @throws {@link InvalidInputError} for an unsupported language.
 * @example
 * ```ts
 * const entities = await trainShopEntityExtractor({ set });
 * const engine = createNluEngine({ classifier, extractors: [entities] });
 * const [result] = await engine.parse(['cancel 100234 pls']);
 * // result.intents[0].name === 'cancel_order', result.entities[0].value === '100234'
 * ```
 */
export function createNluEngine(options: NluEngineOptions): NluEngine {
  const language = options.language ?? 'en';
  if (!(SUPPORTED_LANGUAGES as readonly string[]).includes(language)) {
    throw new InvalidInputError(`Unsupported NLU language "${language}"; supported: ${SUPPORTED_LANGUAGES.join(', ')}`);
  }
  const { classifier } = options;
  const extractor = combineExtractors(options.extractors);
  return {
    async parse(texts: readonly string[]): Promise<ParseResult[]> {
      if (texts.length === 0) return [];
      const [intents, entities] = await Promise.all([classifier.classify(texts), extractor.extract(texts)]);
      if (intents.length !== texts.length) {
        throw new ComponentContractError(`Classifier "${classifier.name}" returned ${intents.length} results for ${texts.length} texts`);
      }
      return texts.map((text, i) => ({ text, language, intents: intents[i] ?? [], entities: entities[i] ?? [] }));
    },
  };
}
