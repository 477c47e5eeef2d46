import express from 'express';
import { ForbiddenError, UnauthorizedError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { principalFromHeaders, type Authenticate } from '../auth.js';
import { noStackTraces } from '../http/index.js';
import type { DashboardStats } from './dashboard-stats.js';

export interface DashboardRouterOptions {
  stats: DashboardStats;
  authenticate: Authenticate;
  logger: Logger;
}

/**
 * `/api/dashboard`: the monitor dashboard's numbers.
 *
 * @remarks `GET /summary?from&to&bucket` answers sentiment over time, volume by intent and
 * channel, containment and hand-off rates, top unanswered questions and recent alerts for
 * the period (the last 14 days by default), personal data redacted. Staff token as
 * `Authorization: Bearer <token>`: none 401, a customer's or another role's 403; a bad
 * period 400.
 *
 * @example
 * root.use('/dashboard', createDashboardRouter({ stats: new DashboardService({ db }), authenticate, logger }));
 */
export function createDashboardRouter(options: DashboardRouterOptions): express.Router {
  const router = express.Router();
  router.get('/summary', async (req, res) => {
    const principal = principalFromHeaders(req.headers, options.authenticate);
    if (!principal) throw new UnauthorizedError('send Authorization: Bearer <staff token>');
    if (principal.kind !== 'staff') throw new ForbiddenError('the dashboard is for staff');
    const viewer = await options.stats.authorize({ staffId: principal.staffId });
    res.set('cache-control', 'no-store').json(await options.stats.summary({ query: req.query, viewer }));
  });
  router.use(noStackTraces({ logger: options.logger }));
  return router;
}
