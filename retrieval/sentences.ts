// Common abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS = /(?:\b(?:e\.g|i\.e|etc|approx|incl|no|vs|mr|mrs|ms|dr|st|co|ltd|inc)|\b[A-Z])\.$/i;

/**
 * Splits text into sentences: after `.`, `!`, `?` followed by a space, after Chinese
 * `。！？；` and at line breaks.
 *
 * @example
 * ```ts
 * splitSentences('Returns are free. Refunds take 3 days.'); // ['Returns are free.', 'Refunds take 3 days.']
 * ```
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const line of text.split(/\n+/)) {
    let start = 0;
    const pattern = /[.!?]+["’”)]?\s+|[。！？；]+/g;
    for (const match of line.matchAll(pattern)) {
      const end = (match.index ?? 0) + match[0].length;
      const candidate = line.slice(start, end).trim();
      if (/[.]\s+$/.test(match[0]) && ABBREVIATIONS.test(line.slice(start, (match.index ?? 0) + 1))) continue;
      if (candidate.length > 0) sentences.push(candidate);
      start = end;
    }
    const rest = line.slice(start).trim();
    if (rest.length > 0) sentences.push(rest);
  }
  return sentences;
}
