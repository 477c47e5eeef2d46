import type { StaffRole } from '../../core/staff.js';

/**
 * Which staff roles each kind of operations answer is for; every tool names one of these.
 *
 * @remarks Managers and admins see everything. Agents, who talk to customers, get what helps
 * them answer one (stock of a SKU, where an order is, why it shipped from where it did).
 */
export const STAFF_ROLES_FOR = {
  stock: ['agent', 'inventory', 'logistics', 'manager', 'admin'],
  stockPlanning: ['inventory', 'manager', 'admin'],
  purchasing: ['inventory', 'manager', 'admin'],
  orders: ['agent', 'inventory', 'logistics', 'manager', 'admin'],
  routes: ['logistics', 'manager', 'admin'],
  metrics: ['manager', 'admin'],
} as const satisfies Record<string, readonly StaffRole[]>;
