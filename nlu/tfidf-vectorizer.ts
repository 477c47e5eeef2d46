import { charNgrams, isTokenClass, tokenizeEn } from './normalizer-en.js';

/** A sparse vector: feature indices in ascending order with their values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

/** How texts become features. */
export interface TfidfFeatureOptions {
  /** Shortest character n-gram. @defaultValue 2 */
  charNgramMin: number;
  /** Longest character n-gram. @defaultValue 5 */
  charNgramMax: number;
  /**
   * Weight of the character n-gram block relative to the word block (1 = equal share).
   * @defaultValue 1
   */
  charBlockWeight: number;
}

/** Everything needed to rebuild a fitted vectorizer; JSON-serialisable. */
export interface TfidfVectorizerState {
  /** Feature names; a feature's index is its position. */
  features: string[];
  /** Number of training texts containing each feature, aligned with `features`. */
  documentFrequency: number[];
  documentCount: number;
}

// Prefixes keep the three feature families apart ("w:no" the word, "c: no" the n-gram).
const WORD = 'w:';
const BIGRAM = 'b:';
const CHAR = 'c:';

/** Counts the raw features of one text: word unigrams and bigrams, char n-grams within words. */
export function analyzeText(text: string, options: TfidfFeatureOptions): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (feature: string) => counts.set(feature, (counts.get(feature) ?? 0) + 1);
  const tokens = tokenizeEn(text);
  tokens.forEach((token, i) => {
    add(WORD + token);
    const next = tokens[i + 1];
    if (next !== undefined) add(`${BIGRAM}${token} ${next}`);
    if (isTokenClass(token)) return;
    for (const gram of charNgrams(token, { min: options.charNgramMin, max: options.charNgramMax })) add(CHAR + gram);
  });
  return counts;
}

/**
 * TF-IDF vectoriser with two blocks of features: words (unigrams and bigrams) and
 * character n-grams.
 *
 * @remarks Term frequency is sublinear (`1 + ln tf`), idf is smoothed
 * (`ln((1 + n) / (1 + df)) + 1`). Each block is l2-normalised on its own and weighted
 * before the whole vector is l2-normalised, so that the many character n-grams do not
 * drown out the few word features. Features unseen in training are ignored.
 */
export class TfidfVectorizer {
  private readonly index: Map<string, number>;
  private readonly idf: Float64Array;
  private readonly isChar: Uint8Array;

  private constructor(
    private readonly state: TfidfVectorizerState,
    private readonly options: TfidfFeatureOptions,
  ) {
    this.index = new Map(state.features.map((feature, i) => [feature, i]));
    const n = state.documentCount;
    this.idf = Float64Array.from(state.documentFrequency, (df) => Math.log((1 + n) / (1 + df)) + 1);
    this.isChar = Uint8Array.from(state.features, (feature) => (feature.startsWith(CHAR) ? 1 : 0));
  }

  /** Learns the vocabulary and document frequencies from training texts. */
  static fit(texts: readonly string[], options: TfidfFeatureOptions): TfidfVectorizer {
    const df = new Map<string, number>();
    for (const text of texts) {
      for (const feature of analyzeText(text, options).keys()) df.set(feature, (df.get(feature) ?? 0) + 1);
    }
    // Sorted so the feature order does not depend on the order of the examples.
    const features = [...df.keys()].sort();
    return new TfidfVectorizer(
      { features, documentFrequency: features.map((f) => df.get(f) ?? 0), documentCount: texts.length },
      options,
    );
  }

  /** Rebuilds a vectorizer from {@link TfidfVectorizer.toState}; the caller validates the state. */
  static fromState(state: TfidfVectorizerState, options: TfidfFeatureOptions): TfidfVectorizer {
    return new TfidfVectorizer(state, options);
  }

  /** Number of features (the vector dimension). */
  get size(): number {
    return this.state.features.length;
  }

  toState(): TfidfVectorizerState {
    return {
      features: [...this.state.features],
      documentFrequency: [...this.state.documentFrequency],
      documentCount: this.state.documentCount,
    };
  }

  /** Turns one text into its l2-normalised TF-IDF vector. */
  transform(text: string): SparseVector {
    const entries: Array<[number, number]> = [];
    let wordNorm = 0;
    let charNorm = 0;
    for (const [feature, count] of analyzeText(text, this.options)) {
      const i = this.index.get(feature);
      if (i === undefined) continue;
      const weight = (1 + Math.log(count)) * (this.idf[i] ?? 0);
      entries.push([i, weight]);
      if (this.isChar[i] === 1) charNorm += weight * weight;
      else wordNorm += weight * weight;
    }
    // A block with no features has norm 0; its scale is then never used.
    const wordScale = 1 / Math.sqrt(wordNorm);
    const charScale = this.options.charBlockWeight / Math.sqrt(charNorm);
    entries.sort((a, b) => a[0] - b[0]);
    const values = Float64Array.from(entries, ([i, w]) => w * (this.isChar[i] === 1 ? charScale : wordScale));
    let total = 0;
    for (const v of values) total += v * v;
    const norm = Math.sqrt(total);
    if (norm > 0) for (let k = 0; k < values.length; k += 1) values[k] = (values[k] ?? 0) / norm;
    return { indices: Int32Array.from(entries, ([i]) => i), values };
  }
}
