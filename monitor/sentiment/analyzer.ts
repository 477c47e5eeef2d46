import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Encoder } from '../../core/encoder.js';
import { InvalidInputError } from '../../core/errors.js';
import { detectLanguage, SUPPORTED_LANGUAGES } from '../../nlu/index.js';
import { SentimentModel, type SentimentScoreOptions } from './sentiment-model.js';
import type { SentimentLanguage, SentimentScore } from './types.js';

/** Options of {@link SentimentAnalyzer}. */
export interface SentimentAnalyzerOptions {
  /** One trained model per language; at least the fallback's. */
  models: Partial<Record<SentimentLanguage, SentimentModel>>;
  /**
   * Language of texts without letters, and of texts whose language has no model.
   * @defaultValue 'en'
   */
  fallback?: SentimentLanguage;
}

/** A score with the language whose model gave it. */
export type RoutedSentimentScore = SentimentScore & { language: SentimentLanguage };

/**
 * Scores messages in any supported language: each goes to its language's model, found by the
 * NLU's script-based language identification.
 *
 * @remarks Texts are grouped per language so each model still scores one batch; results come
 * back in input order.
 *
 * @example
 * ```ts
 * const analyzer = new SentimentAnalyzer({ models: { en, zh } });
 * const [a, b] = await analyzer.score(['the parcel arrived broken', '快递很快，质量很好']);
 * ```
 */
export class SentimentAnalyzer {
  readonly fallback: SentimentLanguage;
  private readonly models: Partial<Record<SentimentLanguage, SentimentModel>>;

  /** @throws {@link InvalidInputError} when the fallback language has no model. */
  constructor(options: SentimentAnalyzerOptions) {
    this.fallback = options.fallback ?? 'en';
    this.models = { ...options.models };
    if (this.models[this.fallback] === undefined) throw new InvalidInputError(`No sentiment model for the fallback language "${this.fallback}"`);
  }

  /** Languages that have a model. */
  get languages(): SentimentLanguage[] {
    return SUPPORTED_LANGUAGES.filter((language) => this.models[language] !== undefined);
  }

  async score(texts: readonly string[], options: SentimentScoreOptions = {}): Promise<RoutedSentimentScore[]> {
    const groups = new Map<SentimentLanguage, number[]>();
    texts.forEach((text, i) => {
      const { language } = detectLanguage(text, this.fallback);
      const routed = this.models[language] === undefined ? this.fallback : language;
      groups.set(routed, [...(groups.get(routed) ?? []), i]);
    });
    const results = new Array<RoutedSentimentScore>(texts.length);
    await Promise.all(
      [...groups].map(async ([language, indices]) => {
        const model = this.models[language] as SentimentModel;
        const scored = await model.score(indices.map((i) => texts[i] as string), options);
        scored.forEach((result, j) => {
          results[indices[j] as number] = { ...result, language };
        });
      }),
    );
    return results;
  }

  /** Writes each language's model into `dir/<language>/`. */
  async persist(dir: string): Promise<void> {
    for (const language of this.languages) await (this.models[language] as SentimentModel).persist(path.join(dir, language));
  }

  /**
   * Loads the models {@link SentimentAnalyzer.persist} wrote (one sub-folder per language).
   *
   * @throws {@link InvalidInputError} when the fallback language's model is missing.
   */
  static async load(dir: string, options: { fallback?: SentimentLanguage; encoders?: Partial<Record<SentimentLanguage, Encoder>> } = {}): Promise<SentimentAnalyzer> {
    const present = new Set(await readdir(dir));
    const models: Partial<Record<SentimentLanguage, SentimentModel>> = {};
    for (const language of SUPPORTED_LANGUAGES) {
      if (!present.has(language)) continue;
      const encoder = options.encoders?.[language];
      models[language] = await SentimentModel.load(path.join(dir, language), encoder === undefined ? {} : { encoder });
    }
    return new SentimentAnalyzer({ models, ...(options.fallback === undefined ? {} : { fallback: options.fallback }) });
  }
}
