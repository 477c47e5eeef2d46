import type { Entity } from '../../core/nlu.js';

/** @defaultValue orderNumbers false */
export interface RedactOptions {
  /** Also hide the shop's order numbers (six digits, `100000`–`999999`, optionally `#100234`). */
  orderNumbers?: boolean;
}

/** The tags that replace personal data. */
export const REDACTION_TAGS = {
  email: '[email]', card: '[card]', phone: '[phone]', postcode: '[postcode]', address: '[address]', order: '[order]',
} as const;

const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;
// Card-like runs are checked with Luhn before they count.
const CARD = /(?<![\w+])[1-9](?:[ -]?\d){12,18}(?!\w)/g;
// Digit runs with spaces, dots, dashes or brackets between; which count is decided in `isPhone`.
const PHONE_RUN = /(?<![\w+])(?:\+|\()?\d(?:[ .\-()]{0,2}\d)+\)?/g;
const NANP = /(?<![\w+])\d{3}[-. ]\d{3}[-. ]\d{4}(?!\w)/g;
const UK_POSTCODE = /\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b/gi;
const STREET_WORDS = 'street|st|road|rd|avenue|ave|lane|ln|drive|dr|close|way|place|pl|court|ct|crescent|cres|terrace|gardens|gdns|grove|square|sq|hill|park|row|mews|boulevard|blvd|parade|walk|rise|green|wharf|yard';
// Words that join a count to a noun ("3 days on the road") are not part of a street's name.
const NOT_A_NAME = 'the|a|an|on|in|of|to|at|for|and|or|my|your|by|from|with|days?|weeks?|hours?|months?|years?|items?|times?';
const ADDRESS = new RegExp(
  `\\b\\d{1,4}[a-z]?,?\\s+(?:(?!(?:${NOT_A_NAME})\\b)[a-z][a-z'’.-]*\\s+){1,3}(?:${STREET_WORDS})\\b\\.?`, 'gi');
const ORDER_NUMBER = /(?<![\w#]|\d[.,])#?\b[1-9]\d{5}\b(?![.,]\d)/g;

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * A phone number written with a `+` or `(`, or starting with `0` (UK national, `00`
 * international), with at least nine digits.
 *
 * @remarks Other digit runs (order numbers, dates, amounts, lists of order numbers) are left
 * alone; ten-digit North American numbers are caught by their `415-555-0100` shape instead.
 */
function isPhone(run: string): boolean {
  const digits = run.replace(/\D/g, '');
  return digits.length >= 9 && /^[+(0]/.test(run);
}

/**
 * Replaces personal data in `text` with tags: e-mail addresses, payment card numbers, phone
 * numbers (UK and international), UK postcodes, street addresses (house number + street name
 * ending in a street word), and — when `orderNumbers` is set — order numbers.
 *
 * @remarks Patterns err on hiding: a phrase like "3 blue drive belts" reads as an address.
 * Letter case is ignored for street words and postcodes because customers type in lower case.
 *
 * @example
 * redact('Mail jo@example.com or call +44 7700 900123', {}); // 'Mail [email] or call [phone]'
 */
export function redact(text: string, options: RedactOptions = {}): string {
  let out = text.replace(EMAIL, REDACTION_TAGS.email);
  out = out.replace(CARD, (run) => (luhn(run.replace(/\D/g, '')) ? REDACTION_TAGS.card : run));
  out = out.replace(PHONE_RUN, (run) => (isPhone(run) ? REDACTION_TAGS.phone : run));
  out = out.replace(NANP, REDACTION_TAGS.phone);
  out = out.replace(UK_POSTCODE, REDACTION_TAGS.postcode);
  out = out.replace(ADDRESS, REDACTION_TAGS.address);
  if (options.orderNumbers) out = out.replace(ORDER_NUMBER, REDACTION_TAGS.order);
  return out;
}

/** Entity types whose whole value is personal data, and the tag that replaces it. */
function tagFor(type: string, options: RedactOptions): string | undefined {
  if (type === 'email') return REDACTION_TAGS.email;
  if (type === 'phone') return REDACTION_TAGS.phone;
  if (type === 'postcode') return REDACTION_TAGS.postcode;
  if (type === 'address') return REDACTION_TAGS.address;
  if (type === 'order_id' && options.orderNumbers) return REDACTION_TAGS.order;
  return undefined;
}

/** Redacts an entity's value and matched text: wholesale for personal types, by pattern otherwise. */
export function redactEntity<E extends Pick<Entity, 'type' | 'value' | 'text'>>(entity: E, options: RedactOptions = {}): E {
  const tag = tagFor(entity.type, options);
  if (tag) return { ...entity, value: tag, text: tag };
  return { ...entity, value: redact(String(entity.value), options), text: redact(String(entity.text), options) };
}
