import { tokenizeChars, tokenizeWords, type Token } from '../training-format/tokenizers.js';
import type { TrainingLanguage } from '../training-format/types.js';
import { foldToken, withinOneEdit } from './fuzzy.js';

/** A phrase to find, the entity it stands for, and whether typos are tolerated. */
export interface PhraseEntry {
  phrase: string;
  type: string;
  value: string;
  /** Allow one typo in words of `minFuzzyLength` characters or more. */
  fuzzy: boolean;
}

/** A phrase found in a text, with character offsets (`end` exclusive). */
export interface PhraseMatch {
  start: number;
  end: number;
  type: string;
  value: string;
  /** Number of words matched with a typo; 0 for an exact match. */
  edits: number;
}

/** Options of {@link createPhraseMatcher}. */
export interface PhraseMatcherOptions {
  entries: readonly PhraseEntry[];
  language: TrainingLanguage;
  /** Shortest word that may carry a typo. @defaultValue 5 */
  minFuzzyLength?: number;
}

interface Node {
  next: Map<string, Node>;
  /** Entries ending here, split by whether they allow typos. */
  exact: PhraseEntry[];
  fuzzy: PhraseEntry[];
}

interface State {
  node: Node;
  edits: number;
}

/**
 * Finds phrases word by word (character by character for Chinese), case- and accent-blind,
 * optionally tolerating one typo per word; the longest match at each position wins, then the
 * one with fewer typos.
 *
 * @remarks Word-level matching keeps "jacket" from matching inside "jackets-rack" and makes a
 * typo cost one edit per word, so "kinder waterprof jacket" still finds the Kinder Waterproof
 * Jacket. Short words must match exactly: one edit turns "red" into "bed".
 */
export function createPhraseMatcher(options: PhraseMatcherOptions): (text: string) => PhraseMatch[] {
  const tokenize = options.language === 'zh' ? tokenizeChars : tokenizeWords;
  const minFuzzy = options.minFuzzyLength ?? 5;
  const root: Node = { next: new Map(), exact: [], fuzzy: [] };
  const vocabulary = new Set<string>();
  for (const entry of options.entries) {
    const words = tokenize(entry.phrase).map((t) => foldToken(t.text));
    if (words.length === 0) continue;
    let node = root;
    for (const word of words) {
      vocabulary.add(word);
      let child = node.next.get(word);
      if (!child) node.next.set(word, (child = { next: new Map(), exact: [], fuzzy: [] }));
      node = child;
    }
    (entry.fuzzy ? node.fuzzy : node.exact).push(entry);
  }
  const byLength = groupByLength([...vocabulary].filter((w) => w.length >= minFuzzy));
  const neighbours = (word: string): string[] =>
    word.length < minFuzzy ? [] : [-1, 0, 1].flatMap((d) => (byLength.get(word.length + d) ?? []).filter((v) => v !== word && withinOneEdit(word, v)));

  return (text) => {
    const tokens = tokenize(text);
    const folded = tokens.map((t) => foldToken(t.text));
    const similar = folded.map(neighbours);
    const matches: PhraseMatch[] = [];
    for (let i = 0; i < tokens.length; i += 1) {
      const best = longestAt({ root, folded, similar, start: i });
      if (best) matches.push(toMatch(best, { tokens, start: i }));
    }
    return matches;
  };
}

function groupByLength(words: readonly string[]): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  for (const word of words) groups.set(word.length, [...(groups.get(word.length) ?? []), word]);
  return groups;
}

/** Walks the trie from token `start`, following exact words and one-typo neighbours. */
function longestAt(args: { root: Node; folded: readonly string[]; similar: readonly string[][]; start: number }): { entry: PhraseEntry; end: number; edits: number } | undefined {
  let states: State[] = [{ node: args.root, edits: 0 }];
  let best: { entry: PhraseEntry; end: number; edits: number } | undefined;
  for (let j = args.start; j < args.folded.length && states.length > 0; j += 1) {
    const next: State[] = [];
    for (const state of states) {
      const exact = state.node.next.get(args.folded[j] as string);
      if (exact) next.push({ node: exact, edits: state.edits });
      for (const word of args.similar[j] ?? []) {
        const child = state.node.next.get(word);
        if (child) next.push({ node: child, edits: state.edits + 1 });
      }
    }
    for (const state of next) {
      const entry = state.edits === 0 ? (state.node.exact[0] ?? state.node.fuzzy[0]) : state.node.fuzzy[0];
      // Later (longer) wins; at equal length, fewer typos.
      if (entry && (!best || j + 1 > best.end || state.edits < best.edits)) best = { entry, end: j + 1, edits: state.edits };
    }
    states = next;
  }
  return best;
}

function toMatch(best: { entry: PhraseEntry; end: number; edits: number }, at: { tokens: readonly Token[]; start: number }): PhraseMatch {
  const first = at.tokens[at.start] as Token;
  const last = at.tokens[best.end - 1] as Token;
  return { start: first.start, end: last.end, type: best.entry.type, value: best.entry.value, edits: best.edits };
}
