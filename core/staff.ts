import { z } from 'zod';

/**
 * What a staff user does, which decides the tools they may call.
 *
 * @remarks `agent` answers customers in hand-offs; `inventory` and `logistics` run stock and
 * deliveries; `manager` sees every operations answer; `monitor` reads conversation logs and the
 * sentiment dashboard (personal data redacted); `admin` also manages staff and roles.
 */
export const StaffRoleSchema = z.enum(['agent', 'inventory', 'logistics', 'manager', 'monitor', 'admin']);
export type StaffRole = z.infer<typeof StaffRoleSchema>;
export const STAFF_ROLES: readonly StaffRole[] = StaffRoleSchema.options;

/** Platforms whose user ids map to staff users. */
export const StaffPlatformSchema = z.enum(['teams', 'slack']);
export type StaffPlatform = z.infer<typeof StaffPlatformSchema>;
