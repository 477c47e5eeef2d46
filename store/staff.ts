import type { Kysely, Selectable } from 'kysely';
import type { Database, StaffUsersTable } from './schema.js';

export type StaffUser = Selectable<StaffUsersTable>;

/** The staff user a Teams or Slack identity belongs to, if it is registered. */
export async function findStaffByIdentity(db: Kysely<Database>, options: { platform: 'teams' | 'slack'; externalId: string }): Promise<StaffUser | undefined> {
  return db.selectFrom('staff_identities').innerJoin('staff_users', 'staff_users.id', 'staff_identities.staff_user_id')
    .selectAll('staff_users')
    .where('staff_identities.platform', '=', options.platform).where('staff_identities.external_id', '=', options.externalId)
    .executeTakeFirst();
}

/** The staff user with this id, if registered. */
export async function findStaffUser(db: Kysely<Database>, id: number): Promise<StaffUser | undefined> {
  return db.selectFrom('staff_users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A staff user with the platform identities that map to them. */
export interface StaffWithIdentities extends StaffUser {
  identities: Array<{ platform: 'teams' | 'slack'; externalId: string }>;
}

export async function listStaffWithIdentities(db: Kysely<Database>): Promise<StaffWithIdentities[]> {
  const [staff, identities] = await Promise.all([
    db.selectFrom('staff_users').selectAll().orderBy('id').execute(),
    db.selectFrom('staff_identities').selectAll().orderBy('platform').orderBy('external_id').execute(),
  ]);
  return staff.map((s) => ({
    ...s,
    identities: identities.filter((i) => i.staff_user_id === s.id).map((i) => ({ platform: i.platform, externalId: i.external_id })),
  }));
}

export async function setStaffRole(db: Kysely<Database>, options: { staffId: number; role: StaffUser['role'] }): Promise<boolean> {
  const result = await db.updateTable('staff_users').set({ role: options.role }).where('id', '=', options.staffId).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The staff user an identity belongs to now, if any. */
export async function identityOwner(db: Kysely<Database>, options: { platform: 'teams' | 'slack'; externalId: string }): Promise<number | undefined> {
  const row = await db.selectFrom('staff_identities').select('staff_user_id')
    .where('platform', '=', options.platform).where('external_id', '=', options.externalId).executeTakeFirst();
  return row?.staff_user_id;
}

export async function addStaffIdentity(db: Kysely<Database>, options: { staffId: number; platform: 'teams' | 'slack'; externalId: string; now: Date }): Promise<void> {
  await db.insertInto('staff_identities')
    .values({ platform: options.platform, external_id: options.externalId, staff_user_id: options.staffId, created_at: options.now.toISOString() })
    .execute();
}

export async function removeStaffIdentity(db: Kysely<Database>, options: { staffId: number; platform: 'teams' | 'slack'; externalId: string }): Promise<boolean> {
  const result = await db.deleteFrom('staff_identities')
    .where('platform', '=', options.platform).where('external_id', '=', options.externalId).where('staff_user_id', '=', options.staffId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
