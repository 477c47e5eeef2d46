// The NLU exports no segmenter on its public surface yet; this is the same lazily loaded,
// process-wide jieba the hashed n-gram encoder uses.
import { loadChineseSegmenter } from '../../nlu/index.js';
import type { SentimentModelOptions } from './options.js';

/** Turns raw messages into what the classifier's TF-IDF features are counted on. */
export type TextPreparer = (texts: readonly string[]) => Promise<string[]>;

const HAN = /\p{Script=Han}/u;

/**
 * The preparer for a segmentation setting.
 *
 * @remarks With `jieba`, texts containing Han characters become their jieba words joined by
 * single spaces, so the classifier's word unigrams and bigrams are Chinese words and its
 * character n-grams stay within words; other texts are left as they are.
 */
export function createTextPreparer(segmentation: SentimentModelOptions['segmentation']): TextPreparer {
  if (segmentation === 'none') return async (texts) => [...texts];
  return async (texts) => {
    if (!texts.some((text) => HAN.test(text))) return [...texts];
    const cut = await loadChineseSegmenter();
    return texts.map((text) => (HAN.test(text) ? cut(text).join(' ') : text));
  };
}
