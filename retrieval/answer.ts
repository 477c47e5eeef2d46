import type { Source } from '../core/activity.js';
import type { KnowledgeAnswer } from '../core/tools.js';
import { splitSentences } from './sentences.js';
import { tokenize } from './tokenizer.js';
import type { SearchHit } from './types.js';

/** Options of {@link composeAnswer}. */
export interface ComposeOptions {
  /** Below this confidence the best hit is not an answer. */
  threshold: number;
  /** Related articles need at least this confidence. @defaultValue `threshold * 0.75` */
  relatedThreshold?: number;
  /** @defaultValue 2 */
  maxRelated?: number;
  /** Longest passage taken from an article, in characters. @defaultValue 500 */
  maxChars?: number;
  /** Weight of a query term, for choosing the sentences that answer (IDF from the keyword index). */
  termWeight: (term: string) => number;
}

/**
 * Keeps the part of a passage that answers: the sentence sharing the most (IDF-weighted)
 * terms with the question, extended by neighbours that also share terms, up to three
 * sentences and `maxChars`.
 */
export function trimPassage(text: string, question: string, options: { termWeight: (term: string) => number; maxChars: number }): string {
  const sentences = splitSentences(text);
  if (sentences.length <= 1 || text.length <= options.maxChars / 2) return text.trim();
  const queryTerms = new Set(tokenize(question));
  const scores = sentences.map((sentence) => {
    let score = 0;
    for (const term of new Set(tokenize(sentence))) if (queryTerms.has(term)) score += options.termWeight(term);
    return score;
  });
  const best = scores.reduce((bestIndex, score, i) => (score > (scores[bestIndex] ?? 0) ? i : bestIndex), 0);
  let start = best;
  let end = best + 1;
  let length = sentences[best]?.length ?? 0;
  while (end - start < 3) {
    const next = end < sentences.length ? scores[end] ?? 0 : -1;
    const previous = start > 0 ? scores[start - 1] ?? 0 : -1;
    // With no overlap anywhere, the opening sentences are the best guess; otherwise only neighbours that share terms.
    const takeNext = next >= previous && (next > 0 || (scores[best] ?? 0) === 0);
    const takePrevious = !takeNext && previous > 0;
    const added = takeNext ? sentences[end] : takePrevious ? sentences[start - 1] : undefined;
    if (added === undefined || length + added.length + 1 > options.maxChars) break;
    length += added.length + 1;
    if (takeNext) end += 1; else start -= 1;
  }
  return sentences.slice(start, end).join(' ');
}

function relatedSource(hit: SearchHit): Source {
  // An FAQ entry, or an article section headed by a question, is best offered by that
  // question (it becomes a quick-reply button); other articles by their title.
  const heading = hit.titlePath.length > 1 ? hit.titlePath[hit.titlePath.length - 1] : undefined;
  const title = heading !== undefined && (hit.type === 'faq' || /[?？]$/.test(heading)) ? heading : hit.source.title;
  return hit.source.url === undefined ? { title } : { title, url: hit.source.url };
}

/**
 * Turns ranked hits into the bot's answer: the best passage (trimmed to the sentences that
 * answer; FAQ answers whole), its source, and up to two related articles from other documents.
 *
 * @returns null when the best hit's confidence is below the threshold: the "I don't know" path.
 */
export function composeAnswer(question: string, hits: readonly SearchHit[], options: ComposeOptions): KnowledgeAnswer | null {
  const top = hits[0];
  if (top === undefined || top.confidence < options.threshold) return null;
  const text = top.type === 'faq' ? top.text : trimPassage(top.text, question, { termWeight: options.termWeight, maxChars: options.maxChars ?? 500 });
  const relatedThreshold = options.relatedThreshold ?? options.threshold * 0.75;
  const related: Source[] = [];
  const seen = new Set([top.type === 'faq' ? top.chunkId : top.docId]);
  for (const hit of hits.slice(1)) {
    if (related.length >= (options.maxRelated ?? 2)) break;
    const key = hit.type === 'faq' ? hit.chunkId : hit.docId;
    if (seen.has(key) || hit.confidence < relatedThreshold) continue;
    seen.add(key);
    related.push(relatedSource(hit));
  }
  return { text, sources: [top.source], chunkIds: [top.chunkId], related, score: top.confidence };
}
