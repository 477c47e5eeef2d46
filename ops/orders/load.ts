import { z } from 'zod';
import { CounterpartError, NotFoundError } from '../../core/errors.js';
import type { Address, Order } from '../../store/index.js';
import type { OwnedOrderRef } from './types.js';

/** Largest id a PostgreSQL `integer` column holds; larger numbers cannot name a row. */
const MAX_DB_ID = 2_147_483_647;
const DAY_MS = 86_400_000;

/** Whether `value` can be a row id (a positive 32-bit integer). */
export function isDbId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= MAX_DB_ID;
}

/**
 * Loads an order that belongs to `customerId`.
 *
 * @remarks A missing order, another customer's order and an impossible order number all throw
 * the same `NotFoundError('order')`, so a caller learns nothing about orders that are not theirs.
 */
export async function loadOwnedOrder(ref: OwnedOrderRef): Promise<Order> {
  if (!isDbId(ref.orderId) || !isDbId(ref.customerId)) throw new NotFoundError('order');
  const order = await ref.db
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', ref.orderId)
    .where('customer_id', '=', ref.customerId)
    .executeTakeFirst();
  if (!order) throw new NotFoundError('order');
  return order;
}

// Stored addresses were validated when written; this only guards against hand-edited rows.
const StoredAddressSchema = z.object({
  name: z.string(),
  line1: z.string(),
  line2: z.string().optional(),
  city: z.string(),
  postcode: z.string(),
  country: z.string(),
});

/** Parses an address JSON column. */
export function readStoredAddress(json: string): Address {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    parsed = undefined;
  }
  const result = StoredAddressSchema.safeParse(parsed);
  if (!result.success) {
    throw new CounterpartError({
      code: 'corrupt_record',
      message: 'stored address is not a valid Address',
      userMessage: 'Something went wrong on our side. Please try again later.',
    });
  }
  const { line2, ...rest } = result.data;
  return line2 ? { ...rest, line2 } : rest;
}

/** `YYYY-MM-DD` of a time, in UTC. */
export function isoDate(time: Date | string): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** Adds whole days to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
