import { afterEach, beforeEach } from 'vitest';
import { isCounterpartError, type CounterpartError } from '../../core/errors.js';
import type { Dialect } from '../../store/index.js';
import { insertMiniShop, type MiniShop } from '../fixtures/mini-shop.js';
import { openTestStore, type TestStore } from '../helpers/store.js';

/** The fixed "now" of the order tests; the mini shop's times are relative to it. */
export const NOW = new Date('2026-11-25T15:00:00.000Z');

export const DAY_MS = 86_400_000;

/** `NOW` moved by whole days. */
export function daysFromNow(days: number): Date {
  return new Date(NOW.getTime() + days * DAY_MS);
}

/** Registers hooks that give every test its own store holding the mini shop, dropped afterwards. */
export function useMiniShop(kind: Dialect): () => { store: TestStore; shop: MiniShop } {
  let current: { store: TestStore; shop: MiniShop } | undefined;
  beforeEach(async () => {
    const store = await openTestStore(kind);
    current = { store, shop: await insertMiniShop(store.db, NOW) };
  });
  afterEach(async () => {
    await current?.store.cleanup();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('store is only available inside a test');
    return current;
  };
}

/** The error a promise rejects with; fails the test when it resolves or throws something untyped. */
export async function caught(promise: Promise<unknown>): Promise<CounterpartError> {
  try {
    await promise;
  } catch (error) {
    if (isCounterpartError(error)) return error;
    throw error;
  }
  throw new Error('expected the call to be refused, but it succeeded');
}

/** What a user or log could observe of an error. */
export function visible(error: CounterpartError): Record<string, unknown> {
  return { name: error.name, code: error.code, message: error.message, userMessage: error.userMessage, details: error.details };
}
