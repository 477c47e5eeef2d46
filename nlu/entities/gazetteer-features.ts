/** Phrases of one entity type, each already split into the units the tagger sees. */
export interface GazetteerPhrases {
  type: string;
  /** Lower-cased token sequences (words for English, characters for Chinese). */
  phrases: readonly (readonly string[])[];
}

/**
 * A trie over lower-cased token sequences that marks, for each token of a sentence, the
 * gazetteer phrases covering it, as BIO-style tags (`B-warehouse`, `I-warehouse`).
 *
 * @remarks Feeds the tagger's gazetteer-membership features; all matches are kept (not only
 * the longest), because overlap between lists is information the model can weigh.
 */
export class PhraseTrie {
  private readonly root: TrieNode = { next: new Map(), types: [] };
  private size = 0;

  constructor(gazetteers: readonly GazetteerPhrases[]) {
    for (const { type, phrases } of gazetteers) {
      for (const phrase of phrases) this.add(phrase, type);
    }
  }

  /** Whether the trie holds no phrase. */
  get empty(): boolean {
    return this.size === 0;
  }

  /** For each token, the `B-type`/`I-type` marks of the phrases that cover it. */
  mark(tokens: readonly string[]): string[][] {
    const marks: string[][] = tokens.map(() => []);
    if (this.size === 0) return marks;
    const lower = tokens.map((token) => token.toLowerCase());
    for (let start = 0; start < lower.length; start += 1) {
      let node: TrieNode | undefined = this.root;
      for (let end = start; end < lower.length && node; end += 1) {
        node = node.next.get(lower[end] as string);
        for (const type of node?.types ?? []) {
          for (let k = start; k <= end; k += 1) (marks[k] as string[]).push(`${k === start ? 'B' : 'I'}-${type}`);
        }
      }
    }
    return marks;
  }

  private add(phrase: readonly string[], type: string): void {
    if (phrase.length === 0) return;
    let node = this.root;
    for (const token of phrase) {
      const key = token.toLowerCase();
      let next = node.next.get(key);
      if (!next) {
        next = { next: new Map(), types: [] };
        node.next.set(key, next);
      }
      node = next;
    }
    if (!node.types.includes(type)) node.types.push(type);
    this.size += 1;
  }
}

interface TrieNode {
  next: Map<string, TrieNode>;
  types: string[];
}
