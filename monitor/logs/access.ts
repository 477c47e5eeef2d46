import { ForbiddenError } from '../../core/errors.js';
import type { StaffRole } from '../../core/staff.js';

/** Roles that may read conversation logs and the live stream (personal data redacted). */
export const MONITOR_READ_ROLES: readonly StaffRole[] = ['monitor', 'manager', 'admin'];
/** Roles that may ask for unredacted text (`raw`). */
export const MONITOR_RAW_ROLES: readonly StaffRole[] = ['admin'];

/** A staff user allowed to read logs, and whether they see personal data. */
export interface MonitorViewer {
  staffId: number;
  role: StaffRole;
  raw: boolean;
}

/**
 * Decides what a staff user may see of the logs, or throws {@link ForbiddenError}.
 *
 * @remarks Raw access is opt-in per request even for admins, so that what an admin shares on
 * screen is redacted unless they asked otherwise, and each raw read can be audited.
 */
export function monitorViewer(staff: { id: number; role: StaffRole } | undefined, options: { raw: boolean }): MonitorViewer {
  if (!staff || !MONITOR_READ_ROLES.includes(staff.role)) throw new ForbiddenError('this staff role may not read conversation logs');
  if (options.raw && !MONITOR_RAW_ROLES.includes(staff.role)) throw new ForbiddenError('only admins may read unredacted logs');
  return { staffId: staff.id, role: staff.role, raw: options.raw };
}
