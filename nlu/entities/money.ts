import { InvalidInputError } from '../../core/errors.js';
import { minorUnitDigits } from '../../core/money.js';

/** An amount of money in minor units (pence, cents, fen) of an ISO 4217 currency. */
export interface MoneyAmount {
  amountMinor: number;
  currency: string;
}

const MONEY_VALUE = /^(-?\d+(?:\.\d+)?) ([A-Z]{3})$/;

/**
 * Formats money as an entity value: the amount with the currency's minor digits, a space and
 * the ISO code, for example `54.00 GBP` or `1200 JPY`.
 *
 * @remarks `Entity.value` is a string; this form reads well in logs and slot values, compares
 * as text (one spelling per amount), and converts back exactly with {@link parseMoneyValue}.
 */
export function formatMoneyValue(money: MoneyAmount): string {
  const digits = minorUnitDigits(money.currency);
  const sign = money.amountMinor < 0 ? '-' : '';
  const abs = Math.abs(money.amountMinor);
  const major = Math.floor(abs / 10 ** digits);
  const minor = digits === 0 ? '' : `.${String(abs % 10 ** digits).padStart(digits, '0')}`;
  return `${sign}${major}${minor} ${money.currency}`;
}

/**
 * Reads a money entity value (`54.00 GBP`) back into minor units.
 *
 * @throws {@link InvalidInputError} when the value is not in that form.
 * @example
 * ```ts
 * parseMoneyValue('54.00 GBP'); // { amountMinor: 5400, currency: 'GBP' }
 * ```
 */
export function parseMoneyValue(value: string): MoneyAmount {
  const match = MONEY_VALUE.exec(value.trim());
  if (!match) throw new InvalidInputError(`not a money value (expected "<amount> <ISO code>", e.g. "54.00 GBP"): ${value}`);
  const currency = match[2] as string;
  return { amountMinor: toMinorUnits(Number(match[1]), currency), currency };
}

/** Converts a decimal amount to integer minor units of the currency, rounding half away from zero. */
export function toMinorUnits(amount: number, currency: string): number {
  const scaled = Math.abs(amount) * 10 ** minorUnitDigits(currency);
  // 0.29 * 100 is 28.999999999999996 in binary floating point; round to the nearest unit.
  return Math.sign(amount) * Math.round(Number(scaled.toFixed(6)));
}
