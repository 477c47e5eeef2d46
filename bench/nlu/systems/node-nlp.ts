import { createRequire } from 'node:module';
import { BenchContractError } from '../errors.js';
import type { BenchInput, BenchParse, BenchSystem, BenchSystemFactory, BenchTrainData, BenchTrainOptions } from '../system.js';

/** The part of node-nlp's `NlpManager` the benchmark uses (node-nlp ships no types). */
interface NlpManagerLike {
  addDocument(locale: string, utterance: string, intent: string): unknown;
  train(): Promise<unknown>;
  process(locale: string, utterance: string): Promise<{ intent: string; score: number }>;
}
interface NodeNlpModule {
  NlpManager: new (settings: Record<string, unknown>) => NlpManagerLike;
}

/** node-nlp's answer when no intent clears its threshold (0.5 by default). */
const NONE_INTENT = 'None';

/**
 * The peer: node-nlp's `NlpManager` as a Node developer would set it up — one document per
 * training example, default threshold, `process(locale, text)` per utterance.
 *
 * @remarks Trains on `train` only (it has nothing to tune). Its `None` answer is read as
 * out of scope. It has no trainable slot tagger (its NER is enumerations, regexes and
 * built-ins), so it reports no tags. It has no batch API, so a batch is parsed one by one.
 * `autoSave: false` keeps it from writing `model.nlp` into the working directory.
 */
class NodeNlpSystem implements BenchSystem {
  readonly name = 'node-nlp';
  readonly tagsSlots = false;
  private manager: NlpManagerLike | undefined;
  private locale = 'en';

  constructor(private readonly module: NodeNlpModule) {}

  async train(data: BenchTrainData, options: BenchTrainOptions = {}): Promise<void> {
    this.locale = data.language;
    const manager = new this.module.NlpManager({
      languages: [data.language],
      forceNER: false,
      nlu: { log: false },
      autoSave: false,
    });
    for (const example of data.train) manager.addDocument(this.locale, example.text, example.intent);
    options.onProgress?.({ message: `node-nlp: training on ${data.train.length} documents` });
    options.signal?.throwIfAborted();
    await manager.train();
    this.manager = manager;
  }

  async parse(input: BenchInput): Promise<BenchParse> {
    if (this.manager === undefined) throw new BenchContractError('node-nlp: parse before train');
    const result = await this.manager.process(this.locale, input.text);
    return { intent: result.intent === NONE_INTENT ? null : result.intent };
  }

  async parseBatch(inputs: readonly BenchInput[]): Promise<BenchParse[]> {
    const out: BenchParse[] = [];
    for (const input of inputs) out.push(await this.parse(input));
    return out;
  }
}

export const createNodeNlpSystem: BenchSystemFactory = async () => {
  // node-nlp is CommonJS without type declarations; it is loaded only when benchmarked.
  const require = createRequire(import.meta.url);
  return new NodeNlpSystem(require('node-nlp') as NodeNlpModule);
};
