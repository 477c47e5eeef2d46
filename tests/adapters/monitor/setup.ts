import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import type { Authenticate } from '../../../adapters/auth.js';
import { signCustomerToken, signStaffToken, verifyToken } from '../../../bot/identity.js';
import type { StaffRole } from '../../../core/staff.js';
import type { Database } from '../../../store/schema.js';

export const SECRET = 'monitor-test-secret-0123456789abcdef';

/** One staff user per role that matters here; the id is the index + 1. */
export const STAFF: ReadonlyArray<{ id: number; role: StaffRole }> = [
  { id: 1, role: 'monitor' }, { id: 2, role: 'manager' }, { id: 3, role: 'admin' }, { id: 4, role: 'agent' }, { id: 5, role: 'inventory' },
];
export const staffId = (role: StaffRole) => STAFF.find((s) => s.role === role)!.id;

export async function seedStaff(db: Kysely<Database>): Promise<void> {
  await db.insertInto('staff_users').values(STAFF.map((s) => ({
    id: s.id, email: `${s.role}@shop.test`, name: s.role, role: s.role, created_at: '2026-01-01T00:00:00.000Z',
  }))).execute();
}

export const authenticate: Authenticate = (token) => verifyToken(token, { secret: SECRET, now: new Date() });
export const staffToken = (role: StaffRole) => signStaffToken({ staffId: staffId(role), secret: SECRET, now: new Date() });
export const customerToken = () => signCustomerToken({ customerId: 1, secret: SECRET, now: new Date() });

/** Listens on an ephemeral port; resolves with the base URL. */
export async function listen(server: HttpServer): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export function closeServer(server: HttpServer): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

export { createServer };
