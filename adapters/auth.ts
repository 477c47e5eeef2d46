import type { Principal } from '../core/activity.js';

/** Turns a signed token into who it names, or throws `UnauthorizedError`. Supplied by the server. */
export type Authenticate = (token: string) => Principal;

/** Reads `Authorization: Bearer <token>` or `X-Customer-Token`; returns who it names, or undefined without one. */
export function principalFromHeaders(headers: { authorization?: string; 'x-customer-token'?: string | string[] }, authenticate: Authenticate): Principal | undefined {
  const bearer = headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const raw = headers['x-customer-token'];
  const token = bearer ?? (Array.isArray(raw) ? raw[0] : raw);
  return token ? authenticate(token) : undefined;
}
