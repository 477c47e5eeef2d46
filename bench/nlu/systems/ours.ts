import type { Encoder } from '../../../core/encoder.js';
import { BenchContractError } from '../errors.js';
import { createUseLiteEncoder } from '../../../nlu/encoders/index.js';
import { HybridIntentClassifier } from '../../../nlu/hybrid/index.js';
// Not yet re-exported by nlu/index.ts; switch to the folder's index once it is.
import { CrfTagger } from '../../../nlu/entities/crf-tagger.js';
import type { BenchInput, BenchLanguage, BenchParse, BenchSystem, BenchSystemFactory, BenchTrainData, BenchTrainOptions } from '../system.js';

/** Settings of the "ours" system in the benchmark. */
export const OURS_SETTINGS = Object.freeze({
  /**
   * CRF passes over the training sentences. The tagger's own default is 30; 10 keeps a SNIPS
   * run near 4 minutes on two cores (about 20 s per pass).
   */
  taggerEpochs: 10,
});

/**
 * "Ours": the project's NLU as the bot runs it — the hybrid intent classifier (TF-IDF
 * n-grams plus USE-lite vectors for English into a linear head, a nearest-neighbour vote,
 * calibration and an out-of-scope threshold tuned on validation data) and the CRF slot
 * tagger when the training examples carry slot tags.
 *
 * @remarks Out-of-scope training utterances (CLINC150 `oos_train`) become the
 * `out_of_scope` class; `oos_val` tunes the rejection threshold. Chinese has no encoder here
 * (USE-lite reads English only), so CAIS runs on the n-gram head.
 */
class OursSystem implements BenchSystem {
  readonly name = 'ours';
  private classifier: HybridIntentClassifier | undefined;
  private tagger: CrfTagger | undefined;
  private language: BenchLanguage = 'en';

  constructor(private readonly encoder: () => Promise<Encoder>) {}

  get tagsSlots(): boolean {
    return this.tagger !== undefined;
  }

  async train(data: BenchTrainData, options: BenchTrainOptions = {}): Promise<void> {
    const say = (message: string, fraction?: number) => options.onProgress?.(fraction === undefined ? { message: `ours: ${message}` } : { message: `ours: ${message}`, fraction });
    const signal = options.signal === undefined ? {} : { signal: options.signal };
    this.language = data.language;
    const classifier = new HybridIntentClassifier({}, data.language === 'en' ? await this.encoder() : undefined);
    const oos = classifier.options.outOfScopeIntent;
    const examples = [...data.train.map(({ text, intent }) => ({ text, intent })), ...(data.oosTrain ?? []).map((text) => ({ text, intent: oos }))];
    say(`training ${classifier.name} on ${examples.length} examples`);
    await classifier.train(examples, {
      ...signal,
      validation: data.valid.map(({ text, intent }) => ({ text, intent })),
      ...(data.oosValid === undefined ? {} : { outOfScopeValidation: data.oosValid }),
      onProgress: (p) => say(p.message, p.fraction),
    });
    this.classifier = classifier;
    const tagged = data.train.flatMap((e) => (e.tokens !== undefined && e.tags !== undefined ? [{ tokens: e.tokens, tags: e.tags }] : []));
    this.tagger = undefined;
    if (tagged.length === 0) return;
    const tagger = new CrfTagger({ language: data.language, epochs: OURS_SETTINGS.taggerEpochs });
    say(`training ${tagger.name} on ${tagged.length} sentences (${OURS_SETTINGS.taggerEpochs} epochs)`);
    await tagger.train(tagged, {
      ...signal,
      onProgress: (p) => options.onProgress?.({ message: `ours: tagger epoch ${p.epoch}/${p.epochs} loss ${p.loss.toFixed(1)} (${p.seconds.toFixed(0)} s)`, fraction: p.epoch / p.epochs }),
    });
    this.tagger = tagger;
  }

  async parse(input: BenchInput): Promise<BenchParse> {
    const [parse] = await this.parseBatch([input]);
    return parse ?? { intent: null };
  }

  async parseBatch(inputs: readonly BenchInput[]): Promise<BenchParse[]> {
    const classifier = this.classifier;
    if (classifier === undefined) throw new BenchContractError('ours: parse before train');
    const ranked = await classifier.classify(inputs.map((input) => input.text));
    const tags = this.tagger?.tag(inputs.map((input) => input.tokens ?? this.tokenize(input.text)));
    return ranked.map(([top], i) => {
      const intent = top === undefined || top.name === classifier.options.outOfScopeIntent ? null : top.name;
      const sentenceTags = tags?.[i];
      return sentenceTags === undefined ? { intent } : { intent, tags: sentenceTags };
    });
  }

  /** Tokens when the caller gives none: words for English, characters for Chinese (as the datasets). */
  private tokenize(text: string): string[] {
    return this.language === 'zh' ? Array.from(text) : text.split(/\s+/).filter((t) => t !== '');
  }
}

export const createOursSystem: BenchSystemFactory = async () => {
  let encoder: Promise<Encoder> | undefined;
  // Loaded on first English training only: CAIS never pays for it.
  return new OursSystem(() => (encoder ??= createUseLiteEncoder()));
};
