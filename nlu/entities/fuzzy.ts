/**
 * Whether two strings are at most one edit apart: one insertion, deletion, substitution, or
 * swap of two adjacent characters (restricted Damerau–Levenshtein distance ≤ 1).
 *
 * @remarks Linear time and no allocation: the gazetteer calls it for every pair of a message
 * token and a catalogue word of similar length.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i += 1;
  if (la === lb) {
    // One substitution, or a swap of positions i and i + 1.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  // One insertion or deletion at i.
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Lower-cases and strips accents, so "Café" and "cafe" compare equal.
 *
 * @remarks NFKD also folds full-width Latin letters and digits, which Chinese keyboards produce.
 */
export function foldToken(token: string): string {
  return token.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
