import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.js';
import { SUPPORTED_LANGUAGES } from '../../nlu/index.js';

/** Identifies the persisted format; bump the version when the layout changes. */
export const SENTIMENT_FORMAT = 'counterpart.sentiment';
export const SENTIMENT_FORMAT_VERSION = 1;
/** File name of a persisted model inside its folder. */
export const SENTIMENT_MODEL_FILE = 'sentiment.json';

/** Shape of `sentiment.json`; the classifier part is checked by the NLU's own loader. */
export const persistedSentimentSchema = z.object({
  format: z.literal(SENTIMENT_FORMAT),
  version: z.literal(SENTIMENT_FORMAT_VERSION),
  language: z.enum(SUPPORTED_LANGUAGES),
  segmentation: z.enum(['jieba', 'none']),
  neutralBand: z.number().min(0).max(1),
  classifier: z.unknown(),
});

export type PersistedSentiment = z.infer<typeof persistedSentimentSchema>;

/** @throws {@link InvalidInputError} naming the first problem and the file. */
export function parsePersistedSentiment(json: unknown, file: string): PersistedSentiment {
  const parsed = persistedSentimentSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidInputError(`${file} is not a sentiment model: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  return parsed.data;
}
