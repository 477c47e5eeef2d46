import { InvalidInputError } from './errors.js';

const CURRENCY_CODE = /^[A-Z]{3}$/;

// Intl formatters are costly to build and formatting runs on every reply that shows a price.
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string): Intl.NumberFormat {
  let formatter = formatters.get(currency);
  if (!formatter) {
    // `currency` already passed the ISO 4217 shape check, the only thing Intl rejects.
    formatter = new Intl.NumberFormat('en-GB', { style: 'currency', currency });
    formatters.set(currency, formatter);
  }
  return formatter;
}

/**
 * Number of minor-unit digits of a currency (2 for GBP and EUR, 0 for JPY).
 *
 * @remarks Taken from the ISO 4217 data built into `Intl`, so amounts stored in minor units
 * convert correctly for currencies without pence or cents.
 */
export function minorUnitDigits(currency: string): number {
  return formatterFor(normaliseCurrency(currency)).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * Formats an amount in minor units (pence, cents) for display, British style.
 *
 * @param minor - Integer amount in the currency's minor unit.
 * @param currency - ISO 4217 code, for example `GBP`.
 * @throws {@link InvalidInputError} when `minor` is not an integer or `currency` is not a three-letter code.
 *
 * @example
 * formatMoney(5400, 'GBP'); // "£54.00"
 * formatMoney(1999, 'EUR'); // "€19.99"
 */
export function formatMoney(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) {
    throw new InvalidInputError(`money amounts are integers in minor units, got ${minor}`);
  }
  const code = normaliseCurrency(currency);
  const formatter = formatterFor(code);
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(minor / 10 ** digits);
}

function normaliseCurrency(currency: string): string {
  const code = currency.trim().toUpperCase();
  if (!CURRENCY_CODE.test(code)) throw new InvalidInputError(`not an ISO 4217 currency code: ${currency}`);
  return code;
}
