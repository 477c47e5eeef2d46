import type { Kysely, Selectable } from 'kysely';
import type { Database, StaffUsersTable } from './schema.js';

export type StaffUser = Selectable<StaffUsersTable>;

/** The staff user with this id, if registered. */
export async function findStaffUser(db: Kysely<Database>, id: number): Promise<StaffUser | undefined> {
  return db.selectFrom('staff_users').selectAll().where('id', '=', id).executeTakeFirst();
}
