import { InvalidInputError } from '../../core/errors.js';
import type { Address } from '../../store/index.js';
import { POSTCODE_RULES, unsupportedCountryMessage, validateAddress, type ShippingCountry } from './address-schema.js';

/** Longest free-text address accepted; real addresses are far shorter. */
const MAX_ADDRESS_TEXT = 400;

/** Country names and codes customers write, folded to lower case without accents. `null`: we do not deliver there. */
const COUNTRY_ALIASES: ReadonlyMap<string, ShippingCountry | null> = new Map<string, ShippingCountry | null>([
  ...aliases('GB', ['gb', 'uk', 'united kingdom', 'great britain', 'britain', 'england', 'scotland', 'wales', 'northern ireland']),
  ...aliases('IE', ['ie', 'ireland', 'republic of ireland', 'eire']),
  ...aliases('FR', ['fr', 'france']),
  ...aliases('DE', ['de', 'germany', 'deutschland']),
  ...aliases('NL', ['nl', 'netherlands', 'the netherlands', 'holland', 'nederland']),
  ...aliases('BE', ['be', 'belgium', 'belgie', 'belgique']),
  ...aliases('ES', ['es', 'spain', 'espana']),
  ...aliases('IT', ['it', 'italy', 'italia']),
  ...aliases('NO', ['no', 'norway', 'norge', 'noreg']),
  ...aliases('SE', ['se', 'sweden', 'sverige']),
  ...aliases('DK', ['dk', 'denmark', 'danmark']),
  ...aliases(null, ['usa', 'united states', 'canada', 'australia', 'switzerland', 'austria', 'poland', 'portugal', 'finland']),
]);

function aliases(code: ShippingCountry | null, names: string[]): [string, ShippingCountry | null][] {
  return names.map((name) => [name, code]);
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Options for {@link parseAddress}. */
export interface ParseAddressOptions {
  /** Name to deliver to; free-text addresses rarely repeat it. */
  defaultName: string;
}

/**
 * Turns a free-text address into an {@link Address}.
 *
 * @remarks Parts are separated by commas or new lines. The country may be named or given as a
 * code anywhere after the first part (default GB); the postcode is found by the country's shape,
 * and what shares its part is the town ("Leeds LS1 4AB", "0154 Oslo"). The first remaining part
 * is the street line, any others form line 2.
 * @throws {@link InvalidInputError} saying, for the customer, what is missing or wrong.
 * @example
 * parseAddress('12 High Street, Flat 2, Leeds LS1 4AB', { defaultName: 'Ann Lee' });
 * // → { name: 'Ann Lee', line1: '12 High Street', line2: 'Flat 2', city: 'Leeds', postcode: 'LS1 4AB', country: 'GB' }
 */
export function parseAddress(text: string, options: ParseAddressOptions): Address {
  if (text.length > MAX_ADDRESS_TEXT) throw new InvalidInputError('That address is too long. Please send just the street, town and postcode.');
  const parts = text
    .split(/[\n\r,;]+/)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter((part) => part.length > 0);
  if (parts.length === 0) throw new InvalidInputError('Please give the street address, town and postcode.');
  const named = takeCountry(parts);
  const country = named ?? 'GB';
  const found = takePostcode(parts, country);
  const { line1, line2, city } = splitLines(parts, found);
  const missing = [
    line1 ? null : 'the street address',
    city ? null : 'the town or city',
    found ? null : 'the postcode',
  ].filter((item): item is string => item !== null);
  if (missing.length > 0) throw new InvalidInputError(missingMessage(missing, { found: found !== null, named: named !== undefined, country }));
  return validateAddress({ name: options.defaultName, line1, line2, city, postcode: found?.postcode, country });
}

/** Removes the country from `parts` and returns its code. Throws for a country we do not deliver to. */
function takeCountry(parts: string[]): ShippingCountry | undefined {
  // The first part is the street line: a street called "Holland Park" must not read as a country.
  for (let i = parts.length - 1; i >= 1; i -= 1) {
    const code = COUNTRY_ALIASES.get(fold(parts[i] ?? ''));
    if (code === undefined) continue;
    if (code === null) throw new InvalidInputError(unsupportedCountryMessage(parts[i] ?? ''));
    parts.splice(i, 1);
    return code;
  }
  // "Oslo Norway" without a comma. Short codes count only in capitals ("Amsterdam NL"),
  // because lower-case "no", "it" or "de" end ordinary words and town names.
  const last = parts.length - 1;
  const original = parts[last] ?? '';
  for (const [alias, code] of COUNTRY_ALIASES) {
    const suffix = original.slice(-alias.length);
    if (last < 1 || fold(suffix) !== alias || !original.slice(0, -alias.length).endsWith(' ')) continue;
    if (alias.length < 4 && alias !== 'uk' && suffix !== suffix.toUpperCase()) continue;
    if (code === null) throw new InvalidInputError(unsupportedCountryMessage(suffix));
    parts[last] = original.slice(0, -alias.length).trim();
    return code;
  }
  return undefined;
}

interface FoundPostcode {
  index: number;
  postcode: string;
  /** Text of the same part before and after the postcode. */
  before: string;
  after: string;
}

/** Finds the postcode, searching from the last part backwards; the first part only when it is the only one. */
function takePostcode(parts: string[], country: ShippingCountry): FoundPostcode | null {
  const pattern = new RegExp(`(?<![A-Z0-9])(${POSTCODE_RULES[country].body})(?![A-Z0-9])`, 'i');
  const lowest = parts.length === 1 ? 0 : 1;
  for (let index = parts.length - 1; index >= lowest; index -= 1) {
    const part = parts[index] ?? '';
    const match = pattern.exec(part);
    if (!match?.[1]) continue;
    const before = part.slice(0, match.index).trim();
    const after = part.slice(match.index + match[1].length).trim();
    return { index, postcode: match[1], before, after };
  }
  return null;
}

function splitLines(parts: string[], found: FoundPostcode | null): { line1?: string; line2?: string; city?: string } {
  const lines = [...parts];
  let city: string | undefined;
  if (found && found.index === 0) {
    // One part holding everything: "5 Karl Johans gate 0154 Oslo" splits around the postcode.
    return found.after ? { line1: found.before || undefined, city: found.after } : splitSinglePart(found.before);
  }
  if (found) {
    lines.splice(found.index, 1);
    const rest = [found.before, found.after].filter(Boolean).join(' ');
    // A postcode alone in its part: the town is the part after it ("…, LS1 4AB, Leeds") or else before it.
    city = rest || (found.index < lines.length ? lines.splice(found.index, 1)[0] : lines.splice(found.index - 1, 1)[0]);
  } else if (lines.length > 1) {
    city = lines.pop();
  }
  const [line1, ...others] = lines;
  return { line1, line2: others.length > 0 ? others.join(', ') : undefined, city };
}

/** "Leeds LS1 4AB" is a town; "12 High Street Leeds LS1 4AB" cannot be split into street and town. */
function splitSinglePart(before: string): { line1?: string; city?: string } {
  if (!before) return {};
  if (/[0-9]/.test(before)) {
    throw new InvalidInputError('Please put a comma between the street and the town, for example "12 High Street, Leeds LS1 4AB".');
  }
  return { city: before };
}

function missingMessage(missing: string[], context: { found: boolean; named: boolean; country: ShippingCountry }): string {
  const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`;
  let message = `That address is missing ${list}.`;
  if (!context.found) {
    const rule = POSTCODE_RULES[context.country];
    message += context.named
      ? ` A postcode in ${rule.name} looks like ${rule.example}.`
      : ` If the address is outside the UK, please add the country.`;
  }
  return message;
}
