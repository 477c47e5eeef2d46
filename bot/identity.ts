import { createHmac, timingSafeEqual } from 'node:crypto';
import { UnauthorizedError } from '../core/errors.js';

/**
 * Signed customer tokens: `v1.<customerId>.<expiresUnixSeconds>.<hmac>`.
 *
 * @remarks The shop's own site signs a token for its logged-in customer and hands it to the
 * widget; we only verify the HMAC, so no customer passwords ever reach the bot.
 */
export interface TokenOptions {
  secret: string;
  now: Date;
}

function mac(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

/** Signs a token for `customerId` valid for `ttlSeconds` (@defaultValue 86400). */
export function signCustomerToken(options: TokenOptions & { customerId: number; ttlSeconds?: number }): string {
  const expires = Math.floor(options.now.getTime() / 1000) + (options.ttlSeconds ?? 86_400);
  const payload = `v1.${options.customerId}.${expires}`;
  return `${payload}.${mac(payload, options.secret)}`;
}

/** Returns the customer id of a valid token; throws {@link UnauthorizedError} otherwise. */
export function verifyCustomerToken(token: string, options: TokenOptions): number {
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== 'v1') throw new UnauthorizedError('malformed customer token');
  const [version, id, expires, signature] = parts as [string, string, string, string];
  const expected = Buffer.from(mac(`${version}.${id}.${expires}`, options.secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new UnauthorizedError('invalid customer token');
  }
  if (Number(expires) * 1000 < options.now.getTime()) throw new UnauthorizedError('customer token expired');
  const customerId = Number(id);
  if (!Number.isSafeInteger(customerId) || customerId <= 0) throw new UnauthorizedError('malformed customer token');
  return customerId;
}
