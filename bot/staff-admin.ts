import type { Kysely } from 'kysely';
import { ConflictError, NotFoundError } from '../core/errors.js';
import type { StaffPlatform, StaffRole } from '../core/staff.js';
import {
  addStaffIdentity, findStaffUser, identityOwner, insertAudit, listStaffWithIdentities, removeStaffIdentity, setStaffRole,
  type Database, type StaffWithIdentities,
} from '../store/index.js';

/**
 * Staff administration behind the admin API: roles, and which Teams/Slack accounts are whose.
 *
 * @remarks Every change is written to the audit log with the actor `admin`, in the same
 * transaction as the change.
 */
export class StaffAdmin {
  constructor(private readonly db: Kysely<Database>, private readonly clock: { now(): Date }) {}

  list(): Promise<StaffWithIdentities[]> {
    return listStaffWithIdentities(this.db);
  }

  async setRole(options: { staffId: number; role: StaffRole }): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const before = await findStaffUser(trx, options.staffId);
      if (!before || !(await setStaffRole(trx, options))) throw new NotFoundError('staff user', { id: options.staffId });
      await this.audit(trx, 'set_staff_role', options, { from: before.role, to: options.role });
    });
  }

  async linkIdentity(options: { staffId: number; platform: StaffPlatform; externalId: string }): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (!(await findStaffUser(trx, options.staffId))) throw new NotFoundError('staff user', { id: options.staffId });
      const owner = await identityOwner(trx, options);
      if (owner === options.staffId) return;
      if (owner !== undefined) throw new ConflictError(`this ${options.platform} account belongs to staff user ${owner}`, { owner });
      await addStaffIdentity(trx, { ...options, now: this.clock.now() });
      await this.audit(trx, 'link_staff_identity', options, { linked: true });
    });
  }

  async unlinkIdentity(options: { staffId: number; platform: StaffPlatform; externalId: string }): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (!(await removeStaffIdentity(trx, options))) throw new NotFoundError('staff identity', options);
      await this.audit(trx, 'unlink_staff_identity', options, { unlinked: true });
    });
  }

  private async audit(db: Kysely<Database>, tool: string, args: object, result: object): Promise<void> {
    await insertAudit(db, {
      at: this.clock.now().toISOString(), actor_type: 'admin', actor_id: null, conversation_id: null, tool,
      arguments: JSON.stringify(args), result: JSON.stringify(result), outcome: 'ok',
    });
  }
}
