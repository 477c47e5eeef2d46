/** Turns a customer token into a customer id, or throws `UnauthorizedError`. Supplied by the server. */
export type Authenticate = (token: string) => number;

/** Reads `Authorization: Bearer <token>` or `X-Customer-Token`; returns the customer id or undefined. */
export function customerFromHeaders(headers: { authorization?: string; 'x-customer-token'?: string | string[] }, authenticate: Authenticate): number | undefined {
  const bearer = headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const raw = headers['x-customer-token'];
  const token = bearer ?? (Array.isArray(raw) ? raw[0] : raw);
  return token ? authenticate(token) : undefined;
}
