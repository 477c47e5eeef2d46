import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.js';
import type { Address } from '../../store/index.js';

/** Countries the shop delivers to (ISO 3166-1 alpha-2). */
export const SHIPPING_COUNTRIES = ['GB', 'IE', 'FR', 'DE', 'NL', 'BE', 'ES', 'IT', 'NO', 'SE', 'DK'] as const;
export type ShippingCountry = (typeof SHIPPING_COUNTRIES)[number];

interface PostcodeRule {
  /** Pattern body without anchors, matched case-insensitively; reused to find postcodes in free text. */
  body: string;
  example: string;
  /** Country name as used in a sentence. */
  name: string;
  /** Canonical spacing of a postcode with spaces removed. */
  format?: (compact: string) => string;
}

const spaceBefore = (tail: number) => (compact: string) => `${compact.slice(0, -tail)} ${compact.slice(-tail)}`;

/**
 * Postcode shapes per country.
 *
 * @remarks Shape checks only: they catch typos and postcodes of the wrong country, not postcodes
 * that do not exist. GB is the full outward/inward shape; the others are the simple national formats.
 */
export const POSTCODE_RULES: Readonly<Record<ShippingCountry, PostcodeRule>> = {
  GB: { body: '[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}', example: 'LS1 4AB', name: 'the UK', format: spaceBefore(3) },
  IE: { body: '(?:[AC-FHKNPRTV-Y][0-9]{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}', example: 'D02 X285', name: 'Ireland', format: spaceBefore(4) },
  FR: { body: '[0-9]{5}', example: '75001', name: 'France' },
  DE: { body: '[0-9]{5}', example: '10115', name: 'Germany' },
  NL: { body: '[0-9]{4} ?[A-Z]{2}', example: '1012 AB', name: 'the Netherlands', format: spaceBefore(2) },
  BE: { body: '[0-9]{4}', example: '1000', name: 'Belgium' },
  ES: { body: '[0-9]{5}', example: '28001', name: 'Spain' },
  IT: { body: '[0-9]{5}', example: '00184', name: 'Italy' },
  NO: { body: '[0-9]{4}', example: '0154', name: 'Norway' },
  SE: { body: '[0-9]{3} ?[0-9]{2}', example: '111 22', name: 'Sweden', format: spaceBefore(2) },
  DK: { body: '[0-9]{4}', example: '1050', name: 'Denmark' },
};

/** Whether `code` is a country the shop delivers to. */
export function isShippingCountry(code: string): code is ShippingCountry {
  return (SHIPPING_COUNTRIES as readonly string[]).includes(code);
}

/** Whether `postcode` has the shape of a postcode of `country`. */
export function isValidPostcode(postcode: string, country: ShippingCountry): boolean {
  return new RegExp(`^(?:${POSTCODE_RULES[country].body})$`, 'i').test(postcode.trim().replace(/\s+/g, ' '));
}

/** Upper-case postcode with the country's usual spacing. */
export function normalisePostcode(postcode: string, country: ShippingCountry): string {
  const compact = postcode.replace(/\s+/g, '').toUpperCase();
  const format = POSTCODE_RULES[country].format;
  return format ? format(compact) : compact;
}

const field = (label: string, max: number) =>
  z
    .string({ error: `Please give the ${label}.` })
    .trim()
    .min(1, `Please give the ${label}.`)
    .max(max, `The ${label} is too long (at most ${max} characters).`);

/**
 * A delivery address as the shop accepts it: required parts present, a country the shop
 * delivers to, and a postcode of that country's shape. Parsing normalises spacing and case.
 *
 * @remarks Issue messages are written for the customer; {@link validateAddress} joins them.
 */
export const AddressSchema = z
  .object({
    name: field('name to deliver to', 100),
    line1: field('street address', 120),
    line2: z.string().trim().max(120, 'The second address line is too long (at most 120 characters).').optional(),
    city: field('town or city', 80),
    postcode: field('postcode', 16),
    country: z.string({ error: 'Please give the country.' }).trim().toUpperCase(),
  })
  .superRefine((address, ctx) => {
    if (!/^[A-Z]{2}$/.test(address.country)) {
      ctx.addIssue({ code: 'custom', path: ['country'], message: 'Please give the country as a two-letter code, for example GB.' });
    } else if (!isShippingCountry(address.country)) {
      ctx.addIssue({ code: 'custom', path: ['country'], message: unsupportedCountryMessage(address.country) });
    } else if (address.postcode && !isValidPostcode(address.postcode, address.country)) {
      const rule = POSTCODE_RULES[address.country];
      ctx.addIssue({
        code: 'custom',
        path: ['postcode'],
        message: `"${address.postcode}" doesn't look like a postcode in ${rule.name} (for example ${rule.example}).`,
      });
    }
  })
  .transform((address): Address => {
    const country = address.country as ShippingCountry;
    const base = { ...address, postcode: normalisePostcode(address.postcode, country), country };
    const { line2, ...rest } = base;
    return line2 ? { ...rest, line2 } : rest;
  });

/** Sentence telling the customer where the shop delivers. */
export function unsupportedCountryMessage(country: string): string {
  const shown = country ? `to "${country}"` : 'there';
  const names = SHIPPING_COUNTRIES.map((code) => POSTCODE_RULES[code].name);
  return `Sorry, we don't deliver ${shown}. We deliver to ${names.slice(0, -1).join(', ')} and ${names.at(-1)}.`;
}

/**
 * Validates and normalises an address.
 *
 * @throws {@link InvalidInputError} whose message says, in words for the customer, what is wrong.
 * @example
 * validateAddress({ name: 'Ann Lee', line1: '12 High Street', city: 'Leeds', postcode: 'ls14ab', country: 'gb' });
 * // → { ..., postcode: 'LS1 4AB', country: 'GB' }
 */
export function validateAddress(input: unknown): Address {
  const result = AddressSchema.safeParse(input);
  if (result.success) return result.data;
  if (typeof input !== 'object' || input === null) throw new InvalidInputError('Please give a delivery address.');
  const messages = [...new Set(result.error.issues.map((issue) => issue.message))];
  throw new InvalidInputError(messages.join(' '), {
    issues: result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  });
}
