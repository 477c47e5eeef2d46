/**
 * SentencePiece (unigram) tokenizer of the Universal Sentence Encoder lite.
 *
 * @remarks Ported from `@energetic-ai/embeddings` 0.2.0 (`lib/tokenizer.ts`, `lib/trie.ts`),
 * itself a copy of `@tensorflow-models/universal-sentence-encoder` — Copyright 2019 Google LLC,
 * Apache License 2.0. We port it instead of importing it because that package's entry point
 * loads `@energetic-ai/core`, a second bundled TensorFlow.js that registers itself in the
 * process-global tfjs engine (see `tfjs-runtime.ts`). The algorithm, including its tie-breaking
 * (`>=` on equal scores, the earlier start position winning) and the merging of consecutive
 * unknown pieces, is kept identical so that ids — and therefore vectors — match the bundled
 * engine exactly.
 */

/** `[piece, log-probability]` pairs; a piece's id is its position. */
export type UseLiteVocabulary = ReadonlyArray<readonly [string, number]>;

/** Word-boundary marker of SentencePiece (U+2581). */
const SEPARATOR = '\u2581';
/** `<unk>`, `<s>`, `</s>` and three extra ids: never produced by the segmentation. */
const RESERVED_SYMBOLS_COUNT = 6;
const UNKNOWN_ID = 0;

interface TrieNode {
  children: Map<string, TrieNode>;
  /** Vocabulary id when a piece ends here, else -1. */
  id: number;
  score: number;
  /** Piece length in code points. */
  length: number;
}

function newNode(length: number): TrieNode {
  return { children: new Map(), id: -1, score: 0, length };
}

interface Match {
  start: number;
  id: number;
  score: number;
}

/** Unigram SentencePiece segmentation (Viterbi over the vocabulary's log-probabilities). */
export class UseLiteTokenizer {
  private readonly root = newNode(0);

  constructor(private readonly vocabulary: UseLiteVocabulary) {
    for (let id = RESERVED_SYMBOLS_COUNT; id < vocabulary.length; id++) {
      const entry = vocabulary[id];
      if (entry !== undefined) this.insert(entry[0], entry[1], id);
    }
  }

  /** Token ids of one text; empty for an empty text. */
  encode(text: string): number[] {
    const symbols = Array.from(preprocess(text));
    const ending = this.collectMatches(symbols);
    const bestScore = new Float64Array(symbols.length + 1);
    const bestId = new Int32Array(symbols.length + 1);
    for (let end = 0; end <= symbols.length; end++) {
      for (const match of ending[end] ?? []) {
        const score = match.score + (bestScore[match.start] ?? 0);
        // 0 doubles as "unset" in the reference implementation; kept for identical ids.
        if (bestScore[end] === 0 || score >= (bestScore[end] ?? 0)) {
          bestScore[end] = score;
          bestId[end] = match.id;
        }
      }
    }
    return this.backtrack(bestId);
  }

  private insert(piece: string, score: number, id: number): void {
    let node = this.root;
    for (const symbol of piece) {
      let child = node.children.get(symbol);
      if (child === undefined) {
        child = newNode(node.length + 1);
        node.children.set(symbol, child);
      }
      node = child;
    }
    node.id = id;
    node.score = score;
  }

  /** For each end position, the vocabulary pieces ending there, ordered by start position. */
  private collectMatches(symbols: readonly string[]): Match[][] {
    const ending: Match[][] = Array.from({ length: symbols.length + 1 }, () => []);
    for (let start = 0; start < symbols.length; start++) {
      let node = this.root.children.get(symbols[start] ?? '');
      let found = false;
      for (let i = start; node !== undefined; ) {
        if (node.id >= 0) {
          ending[start + node.length]?.push({ start, id: node.id, score: node.score });
          found = true;
        }
        i++;
        node = i < symbols.length ? node.children.get(symbols[i] ?? '') : undefined;
      }
      // An unknown symbol becomes a one-symbol <unk> piece with score 0.
      if (!found) ending[start + 1]?.push({ start, id: UNKNOWN_ID, score: 0 });
    }
    return ending;
  }

  private backtrack(bestId: Int32Array): number[] {
    const reversed: number[] = [];
    for (let end = bestId.length - 1; end > 0; ) {
      const id = bestId[end] ?? UNKNOWN_ID;
      reversed.push(id);
      // The reference steps back by the piece's UTF-16 length; all pieces (and `<unk>`, "\uFFFD")
      // are in the BMP, so that is the code-point length the positions are counted in.
      end -= (this.vocabulary[id]?.[0] ?? SEPARATOR).length;
    }
    const merged: number[] = [];
    let previousUnknown = false;
    for (const id of reversed) {
      if (!(previousUnknown && id === UNKNOWN_ID)) merged.push(id);
      previousUnknown = id === UNKNOWN_ID;
    }
    return merged.reverse();
  }
}

/** NFKC, then SentencePiece's leading marker and spaces replaced by the marker. */
function preprocess(text: string): string {
  const normalized = text.normalize('NFKC');
  return normalized.length > 0 ? SEPARATOR + normalized.replace(/ /g, SEPARATOR) : normalized;
}
