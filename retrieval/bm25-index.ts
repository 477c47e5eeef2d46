/** Options of {@link Bm25Index}. */
export interface Bm25Options {
  /** Term-frequency saturation. @defaultValue 1.2 */
  k1?: number;
  /** Length normalisation, 0 (none) to 1 (full). @defaultValue 0.75 */
  b?: number;
}

/** A keyword hit: higher scores are better; scores are comparable only within one query. */
export interface Bm25Hit {
  id: string;
  score: number;
}

interface DocEntry {
  id: string;
  length: number;
  terms: Map<string, number>;
}

/**
 * An in-memory BM25 (Okapi, Lucene's non-negative IDF) index with incremental add and remove.
 *
 * @remarks Terms come from the caller (see `tokenize`), so the same index serves English and
 * Chinese. It is rebuilt from the persisted chunk records on start-up rather than saved,
 * because tokenising a shop's knowledge base takes milliseconds and one source of truth
 * (the chunk manifest) cannot disagree with itself.
 */
export class Bm25Index {
  private readonly k1: number;
  private readonly b: number;
  private readonly docs = new Map<string, DocEntry>();
  private readonly postings = new Map<string, Map<string, number>>();
  private totalLength = 0;

  constructor(options: Bm25Options = {}) {
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
  }

  get size(): number {
    return this.docs.size;
  }

  has(id: string): boolean {
    return this.docs.has(id);
  }

  /** Adds a document, replacing any document with the same id. */
  add(id: string, terms: readonly string[]): void {
    if (this.docs.has(id)) this.remove(id);
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    this.docs.set(id, { id, length: terms.length, terms: counts });
    this.totalLength += terms.length;
    for (const [term, tf] of counts) {
      let posting = this.postings.get(term);
      if (posting === undefined) {
        posting = new Map();
        this.postings.set(term, posting);
      }
      posting.set(id, tf);
    }
  }

  remove(id: string): void {
    const doc = this.docs.get(id);
    if (doc === undefined) return;
    for (const term of doc.terms.keys()) {
      const posting = this.postings.get(term);
      posting?.delete(id);
      if (posting?.size === 0) this.postings.delete(term);
    }
    this.totalLength -= doc.length;
    this.docs.delete(id);
  }

  /** Inverse document frequency; never negative, so very common terms still count a little. */
  idf(term: string): number {
    const df = this.postings.get(term)?.size ?? 0;
    const n = this.docs.size;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** The `k` best documents for the query terms (each distinct term counted once). */
  search(terms: readonly string[], options: { k: number; filter?: (id: string) => boolean }): Bm25Hit[] {
    const scores = new Map<string, number>();
    const avgLength = this.docs.size === 0 ? 1 : this.totalLength / this.docs.size;
    for (const term of new Set(terms)) {
      const posting = this.postings.get(term);
      if (posting === undefined) continue;
      const idf = this.idf(term);
      for (const [id, tf] of posting) {
        if (options.filter !== undefined && !options.filter(id)) continue;
        const length = this.docs.get(id)?.length ?? 0;
        const norm = tf + this.k1 * (1 - this.b + (this.b * length) / avgLength);
        scores.set(id, (scores.get(id) ?? 0) + (idf * tf * (this.k1 + 1)) / norm);
      }
    }
    return topK(scores, options.k);
  }

  /**
   * The IDF-weighted share of the query's distinct terms that occur in document `id`, 0–1.
   *
   * @remarks Unlike the BM25 score this is comparable across queries, so it can feed a
   * confidence that one threshold applies to.
   */
  coverage(terms: readonly string[], id: string): number {
    const doc = this.docs.get(id);
    if (doc === undefined) return 0;
    let matched = 0;
    let total = 0;
    for (const term of new Set(terms)) {
      const idf = this.idf(term);
      total += idf;
      if (doc.terms.has(term)) matched += idf;
    }
    return total === 0 ? 0 : matched / total;
  }
}

function topK(scores: Map<string, number>, k: number): Bm25Hit[] {
  const hits: Bm25Hit[] = [];
  for (const [id, score] of scores) hits.push({ id, score });
  // Ties broken by id so results do not depend on insertion order.
  hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return hits.slice(0, k);
}
