import type { Logger } from '../core/logger.js';
import type { ScoreTexts } from '../jobs/score-sentiment.js';
import { openSentiment, type SentimentAnalyzer } from '../monitor/index.js';
import { encodersForTraining } from '../nlu/index.js';
import type { Config } from './config.js';

/**
 * The sentiment scorer, opened on first use: loads `SENTIMENT_MODEL_DIR`, or trains it from the
 * demo data (with the NLU's encoder setting) and saves it.
 *
 * @remarks Lazy so that starting a server or a worker never waits for a model it may not need
 * yet; `warm()` starts the loading in the background. A failed load is retried on the next use.
 */
export function lazySentiment(options: { config: Config; logger: Logger }): { score: ScoreTexts; warm(): void } {
  let opening: Promise<SentimentAnalyzer> | undefined;
  const open = (): Promise<SentimentAnalyzer> => {
    if (opening) return opening;
    opening = openSentiment({
      dir: options.config.SENTIMENT_MODEL_DIR,
      encoderFor: encodersForTraining(options.config.NLU_ENCODER, options.config.ONNX_MODEL_DIR === undefined ? {} : { onnxModelDir: options.config.ONNX_MODEL_DIR }).encoderFor,
      logger: options.logger,
    }).catch((error: unknown) => {
      opening = undefined;
      throw error;
    });
    return opening;
  };
  return {
    score: async (texts) => (await open()).score(texts),
    warm: () => { open().catch((error: unknown) => options.logger.error({ err: error }, 'sentiment model failed to load')); },
  };
}
