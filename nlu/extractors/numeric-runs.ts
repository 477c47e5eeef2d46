/** One group of digits inside a {@link NumericRun}. */
export interface DigitGroup {
  digits: string;
  start: number;
  end: number;
}

/**
 * Digits that belong together: one or more digit groups joined by the separators phone
 * numbers, dates and decimals use (`+44 20 7946 0958`, `(020) 123456`, `12.50`, `100234-100235`).
 */
export interface NumericRun {
  groups: DigitGroup[];
  /** Starts with `+` or `(`: written like a phone number. */
  phoneLike: boolean;
  start: number;
  end: number;
}

// Groups join on one of space . - / or parentheses (with an optional space). Runs that touch a
// letter, digit or underscore are part of a longer token (SKU12345, 100234abc) and are skipped.
// Han characters are not: Chinese writes numbers straight after words (订单100234).
const RUN = /(?<!(?!\p{Script=Han})[\p{L}\p{N}_])([+(]?)(\d+(?:(?:[ .\-/]|\) ?| ?\()\d+)*)\)?(?!(?!\p{Script=Han})[\p{L}\p{N}_])/gu;
const DIGITS = /\d+/g;

/**
 * Finds the numeric runs in a text.
 *
 * @remarks Recognisers use the whole run to decide whether a digit group stands alone:
 * six digits inside `0770 0900 123456` are part of a phone number, not an order number.
 */
export function findNumericRuns(text: string): NumericRun[] {
  const runs: NumericRun[] = [];
  for (const match of text.matchAll(RUN)) {
    const prefix = match[1] ?? '';
    const body = match[2] ?? '';
    const bodyStart = match.index + prefix.length;
    const groups = [...body.matchAll(DIGITS)].map((group) => ({
      digits: group[0],
      start: bodyStart + group.index,
      end: bodyStart + group.index + group[0].length,
    }));
    runs.push({ groups, phoneLike: prefix.length > 0, start: match.index, end: match.index + match[0].length });
  }
  return runs;
}
