/**
 * Builds a tiny BERT-shaped model folder (Hugging Face layout) for the ONNX encoder tests, with
 * no download: `config.json`, a WordPiece `tokenizer.json`, `tokenizer_config.json` and an
 * `onnx/model.onnx` graph encoded here with a minimal protobuf writer.
 *
 * The graph: `last_hidden_state = (E[input_ids] + T[token_type_ids]) · W + mask ⊗ b`, so every
 * position depends on its own token only — a padded sentence keeps its real positions' outputs —
 * while the `[PAD]` rows are non-zero, so pooling that ignored the attention mask would change
 * a sentence's vector.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;
const WORDS = [
  'where', 'is', 'my', 'order', 'parcel', 'package', 'the', 'weather', 'what', 'cancel', 'please',
  'return', 'refund', 'i', 'want', 'to', 'a', 'change', 'address', 'delivery', 'today', 'when',
  'will', 'it', 'arrive', 'hello', 'thanks', 'item', 'broken', 'size', '##s', '##ed', '##ing', '?', '.', ',', "'",
];

/** Token → id of the tiny vocabulary (specials first, as in BERT). */
export const TINY_VOCAB: Readonly<Record<string, number>> = Object.fromEntries(
  [...SPECIAL_TOKENS, ...WORDS].map((token, id) => [token, id]),
);

/** What the builder writes; the test uses `hidden` as the expected dimension. */
export interface TinyModelOptions {
  dir: string;
  /** @defaultValue 16 */
  hidden?: number;
  /** Also write `onnx/model_quantized.onnx` (same graph). @defaultValue false */
  quantizedCopy?: boolean;
}

/** Writes the model folder and returns its hidden size. */
export async function writeTinyOnnxModel(options: TinyModelOptions): Promise<{ hidden: number }> {
  const hidden = options.hidden ?? 16;
  const vocabSize = Object.keys(TINY_VOCAB).length;
  await mkdir(path.join(options.dir, 'onnx'), { recursive: true });
  const model = encodeModel({ vocabSize, hidden });
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  await Promise.all([
    writeFile(path.join(options.dir, 'config.json'), json(bertConfig({ vocabSize, hidden }))),
    writeFile(path.join(options.dir, 'tokenizer.json'), json(wordPieceTokenizer())),
    writeFile(path.join(options.dir, 'tokenizer_config.json'), json(tokenizerConfig())),
    writeFile(path.join(options.dir, 'onnx', 'model.onnx'), model),
    options.quantizedCopy === true ? writeFile(path.join(options.dir, 'onnx', 'model_quantized.onnx'), model) : Promise.resolve(),
  ]);
  return { hidden };
}

function bertConfig(options: { vocabSize: number; hidden: number }) {
  return {
    architectures: ['BertModel'],
    model_type: 'bert',
    hidden_size: options.hidden,
    vocab_size: options.vocabSize,
    num_hidden_layers: 1,
    num_attention_heads: 1,
    intermediate_size: options.hidden * 2,
    max_position_embeddings: 64,
    type_vocab_size: 2,
    pad_token_id: 0,
  };
}

function tokenizerConfig() {
  return {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    model_max_length: 64,
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    mask_token: '[MASK]',
  };
}

function wordPieceTokenizer() {
  const special = (token: string) => ({ id: token, type_id: 0 });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content) => ({
      id: TINY_VOCAB[content],
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: special('[CLS]') }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: special('[SEP]') }],
      pair: [
        { SpecialToken: special('[CLS]') },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: special('[SEP]') },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: Object.fromEntries(['[CLS]', '[SEP]'].map((t) => [t, { id: t, ids: [TINY_VOCAB[t]], tokens: [t] }])),
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: TINY_VOCAB,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// ONNX graph, written with a minimal protobuf encoder (field numbers from onnx/onnx.proto).

type Field = { no: number; varint: number | bigint } | { no: number; bytes: Uint8Array | string };

function varint(value: bigint): number[] {
  // Negative int64 values are written as their 64-bit two's complement (10 bytes).
  let v = BigInt.asUintN(64, value);
  const out: number[] = [];
  do {
    const byte = Number(v & 0x7fn);
    v >>= 7n;
    out.push(v === 0n ? byte : byte | 0x80);
  } while (v !== 0n);
  return out;
}

function message(fields: readonly Field[]): Uint8Array {
  const parts: number[] = [];
  for (const field of fields) {
    if ('varint' in field) {
      parts.push(...varint(BigInt(field.no << 3)), ...varint(BigInt(field.varint)));
    } else {
      const bytes = typeof field.bytes === 'string' ? new TextEncoder().encode(field.bytes) : field.bytes;
      parts.push(...varint(BigInt((field.no << 3) | 2)), ...varint(BigInt(bytes.length)), ...bytes);
    }
  }
  return Uint8Array.from(parts);
}

const FLOAT = 1;
const INT64 = 7;

function tensor(options: { name: string; dims: number[]; float?: Float32Array; int64?: BigInt64Array }): Uint8Array {
  const data = options.float ?? options.int64 ?? new Float32Array();
  return message([
    ...options.dims.map((d) => ({ no: 1, varint: d })),
    { no: 2, varint: options.float === undefined ? INT64 : FLOAT },
    { no: 8, bytes: options.name },
    { no: 9, bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) },
  ]);
}

/** A `ValueInfoProto` with symbolic (`batch`, `sequence`) or fixed dimensions. */
function valueInfo(options: { name: string; elemType: number; dims: Array<string | number> }): Uint8Array {
  const dims = options.dims.map((d) => ({ no: 1, bytes: message([typeof d === 'string' ? { no: 2, bytes: d } : { no: 1, varint: d }]) }));
  const tensorType = message([{ no: 1, varint: options.elemType }, { no: 2, bytes: message(dims) }]);
  return message([{ no: 1, bytes: options.name }, { no: 2, bytes: message([{ no: 1, bytes: tensorType }]) }]);
}

function node(options: { op: string; inputs: string[]; outputs: string[]; intAttributes?: Record<string, number> }): Uint8Array {
  const attributes = Object.entries(options.intAttributes ?? {}).map(([name, i]) => ({
    no: 5,
    bytes: message([{ no: 1, bytes: name }, { no: 3, varint: i }, { no: 20, varint: 2 /* INT */ }]),
  }));
  return message([
    ...options.inputs.map((input) => ({ no: 1, bytes: input })),
    ...options.outputs.map((output) => ({ no: 2, bytes: output })),
    { no: 3, bytes: `${options.op}_${options.outputs[0] ?? ''}` },
    { no: 4, bytes: options.op },
    ...attributes,
  ]);
}

/** Deterministic pseudo-random weights in [-1, 1) (LCG), so every run builds the same model. */
function weights(count: number, seed: number): Float32Array {
  let state = seed >>> 0;
  return Float32Array.from({ length: count }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 31 - 1;
  });
}

function encodeModel(options: { vocabSize: number; hidden: number }): Uint8Array {
  const { vocabSize, hidden } = options;
  const nodes = [
    node({ op: 'Gather', inputs: ['embeddings', 'input_ids'], outputs: ['word'] }),
    node({ op: 'Gather', inputs: ['type_embeddings', 'token_type_ids'], outputs: ['type'] }),
    node({ op: 'Add', inputs: ['word', 'type'], outputs: ['summed'] }),
    node({ op: 'MatMul', inputs: ['summed', 'projection'], outputs: ['projected'] }),
    node({ op: 'Cast', inputs: ['attention_mask'], outputs: ['mask_float'], intAttributes: { to: FLOAT } }),
    node({ op: 'Unsqueeze', inputs: ['mask_float', 'last_axis'], outputs: ['mask_column'] }),
    node({ op: 'Mul', inputs: ['mask_column', 'mask_bias'], outputs: ['masked_bias'] }),
    node({ op: 'Add', inputs: ['projected', 'masked_bias'], outputs: ['last_hidden_state'] }),
  ];
  const initializers = [
    tensor({ name: 'embeddings', dims: [vocabSize, hidden], float: weights(vocabSize * hidden, 1) }),
    tensor({ name: 'type_embeddings', dims: [2, hidden], float: weights(2 * hidden, 2) }),
    tensor({ name: 'projection', dims: [hidden, hidden], float: weights(hidden * hidden, 3) }),
    tensor({ name: 'mask_bias', dims: [hidden], float: weights(hidden, 4) }),
    tensor({ name: 'last_axis', dims: [1], int64: BigInt64Array.of(-1n) }),
  ];
  const ids = ['batch', 'sequence'];
  const graph = message([
    ...nodes.map((bytes) => ({ no: 1, bytes })),
    { no: 2, bytes: 'tiny_bert' },
    ...initializers.map((bytes) => ({ no: 5, bytes })),
    ...['input_ids', 'attention_mask', 'token_type_ids'].map((name) => ({ no: 11, bytes: valueInfo({ name, elemType: INT64, dims: ids }) })),
    { no: 12, bytes: valueInfo({ name: 'last_hidden_state', elemType: FLOAT, dims: [...ids, hidden] }) },
  ]);
  return message([
    { no: 1, varint: 8 }, // ir_version 8 (ONNX 1.10+), accepted by onnxruntime 1.14
    { no: 2, bytes: 'counterpart-tests' },
    { no: 7, bytes: graph },
    { no: 8, bytes: message([{ no: 1, bytes: '' }, { no: 2, varint: 13 }]) }, // opset 13
  ]);
}
