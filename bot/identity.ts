import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Principal } from '../core/activity.js';
import { UnauthorizedError } from '../core/errors.js';

/**
 * Signed tokens: `v1.<customerId>.<expiresUnixSeconds>.<hmac>` for customers and
 * `s1.<staffId>.<expiresUnixSeconds>.<hmac>` for staff users.
 *
 * @remarks The shop's own site signs a token for its logged-in customer and hands it to the
 * widget; we only verify the HMAC, so no customer passwords ever reach the bot. The prefix is
 * part of the signed payload, so a customer token can never be replayed as a staff token.
 */
export interface TokenOptions {
  secret: string;
  now: Date;
}

const PREFIX = { customer: 'v1', staff: 's1' } as const;
const DEFAULT_TTL_SECONDS = 86_400;

function mac(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

function sign(options: TokenOptions & { prefix: string; id: number; ttlSeconds?: number }): string {
  const expires = Math.floor(options.now.getTime() / 1000) + (options.ttlSeconds ?? DEFAULT_TTL_SECONDS);
  const payload = `${options.prefix}.${options.id}.${expires}`;
  return `${payload}.${mac(payload, options.secret)}`;
}

/** Signs a token for `customerId` valid for `ttlSeconds` (@defaultValue 86400). */
export function signCustomerToken(options: TokenOptions & { customerId: number; ttlSeconds?: number }): string {
  return sign({ ...options, prefix: PREFIX.customer, id: options.customerId });
}

/** Signs a token for the staff user `staffId` valid for `ttlSeconds` (@defaultValue 86400). */
export function signStaffToken(options: TokenOptions & { staffId: number; ttlSeconds?: number }): string {
  return sign({ ...options, prefix: PREFIX.staff, id: options.staffId });
}

/** Returns who a valid token names; throws {@link UnauthorizedError} otherwise. */
export function verifyToken(token: string, options: TokenOptions): Principal {
  const parts = token.split('.');
  const [prefix, id, expires, signature] = parts as [string, string, string, string];
  if (parts.length !== 4 || (prefix !== PREFIX.customer && prefix !== PREFIX.staff)) throw new UnauthorizedError('malformed token');
  const expected = Buffer.from(mac(`${prefix}.${id}.${expires}`, options.secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new UnauthorizedError('invalid token');
  if (Number(expires) * 1000 < options.now.getTime()) throw new UnauthorizedError('token expired');
  const n = Number(id);
  if (!Number.isSafeInteger(n) || n <= 0) throw new UnauthorizedError('malformed token');
  return prefix === PREFIX.staff ? { kind: 'staff', staffId: n } : { kind: 'customer', customerId: n };
}
