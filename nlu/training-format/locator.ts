import { isCollection, isMap, isPair, isScalar, type Document, type LineCounter, type Node, type Scalar } from 'yaml';
import type { TrainingDataIssue } from './errors.js';

/** Turns offsets and document paths into `file:line:col` issues. */
export interface Locator {
  /** An issue at a source offset. */
  at(offset: number, reason: string): TrainingDataIssue;
  /** An issue at the node a path leads to, or at the deepest node on the way. */
  atPath(path: readonly PropertyKey[], reason: string): TrainingDataIssue;
  /** An issue at the key of a mapping entry (for unknown or misspelt keys). */
  atKey(path: readonly PropertyKey[], key: string, reason: string): TrainingDataIssue;
  /** The source offset of character `index` of a string scalar's value. */
  charOffset(scalar: Scalar, index: number): number;
}

/**
 * Builds a {@link Locator} over a parsed YAML (or JSON) document.
 *
 * @remarks Character offsets inside a scalar are exact for plain and quoted one-line strings,
 * which is how examples are written; for strings with escapes or block scalars the position
 * falls back to the start of the string rather than pointing somewhere wrong.
 */
export function createLocator(options: { doc: Document; lineCounter: LineCounter; fileName: string; source: string }): Locator {
  const { doc, lineCounter, fileName, source } = options;
  const at = (offset: number, reason: string): TrainingDataIssue => {
    const { line, col } = lineCounter.linePos(Math.max(0, Math.min(offset, source.length)));
    return { file: fileName, line, column: col, reason };
  };
  const nodeAt = (path: readonly PropertyKey[]): Node | undefined => {
    let node: unknown = doc.contents;
    let found = node as Node | undefined;
    for (const key of path) {
      if (!isCollection(node)) break;
      node = node.get(key, true);
      if (node === undefined || node === null) break;
      found = node as Node;
    }
    return found;
  };
  return {
    at,
    atPath(path, reason) {
      const node = nodeAt(path);
      const last = path[path.length - 1];
      // `empty:` with nothing after it: point at the key, not at the blank after the colon.
      if (isScalar(node) && node.value === null && typeof last === 'string') return at(keyOffset(nodeAt(path.slice(0, -1)), last), reason);
      return at(node?.range?.[0] ?? 0, reason);
    },
    atKey: (path, key, reason) => at(keyOffset(nodeAt(path), key), reason),
    charOffset(scalar, index) {
      const start = scalar.range?.[0] ?? 0;
      const value = String(scalar.value);
      const quoted = scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE';
      const bodyStart = quoted ? start + 1 : start;
      const verbatim = (scalar.type === 'PLAIN' || quoted) && source.slice(bodyStart, bodyStart + value.length) === value;
      return verbatim ? bodyStart + index : start;
    },
  };
}

function keyOffset(parent: Node | undefined, key: string): number {
  const pair = isMap(parent) ? parent.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key) : undefined;
  const keyNode = pair && isScalar(pair.key) ? pair.key : parent;
  return keyNode?.range?.[0] ?? 0;
}
