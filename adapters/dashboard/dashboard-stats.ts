import type { StaffRole } from '../../core/staff.js';

/** A staff user allowed to read the dashboard. */
export interface DashboardViewer {
  staffId: number;
  role: StaffRole;
  raw: boolean;
}

/**
 * What the dashboard's REST endpoint needs from the monitor's statistics. The monitor module's
 * `DashboardService` satisfies it; adapters may not import `monitor/`, so the shape is declared
 * here and checked structurally where the server wires the two together.
 */
export interface DashboardStats {
  /** Throws `ForbiddenError` unless the staff user may read the dashboard (monitor, manager, admin). */
  authorize(request: { staffId: number }): Promise<DashboardViewer>;
  /** `query` is the request's query string as parsed by express; the statistics validate it. */
  summary(request: { query: unknown; viewer: DashboardViewer }): Promise<unknown>;
}
