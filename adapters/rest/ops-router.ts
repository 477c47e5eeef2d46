import express from 'express';
import { z } from 'zod';
import { parseInput } from '../../core/validation.js';
import type { Logger } from '../../core/logger.js';
import type { Bot } from '../../bot/index.js';
import { principalFromHeaders, type Authenticate } from '../auth.js';
import { noStackTraces } from '../http/index.js';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
/** Query strings arrive as text; the tool's own schema checks the ranges. */
const MetricsQuery = z.object({
  from: Day.optional(),
  to: Day.optional(),
  days: z.string().regex(/^\d{1,4}$/, 'expected a whole number of days').transform(Number).optional(),
}).strict();

export interface OpsRouterOptions {
  bot: Bot;
  authenticate: Authenticate;
  logger: Logger;
}

/**
 * Operations endpoints for staff tools and dashboards: `GET /ops/metrics?from=&to=&days=`.
 *
 * @remarks Each endpoint calls the same tool as the chat does, through the bot's registry, so
 * roles, argument checks and the audit log are the chat's own. Staff send their signed token
 * as `Authorization: Bearer <token>`; without one the answer is 401, with a customer's 403.
 */
export function createOpsRouter(options: OpsRouterOptions): express.Router {
  const router = express.Router();
  router.get('/metrics', async (req, res) => {
    const query = parseInput(MetricsQuery, req.query, 'query');
    const principal = principalFromHeaders(req.headers, options.authenticate);
    const result = await options.bot.callTool({ principal, tool: 'process_metrics', args: query });
    res.json({ metrics: result.data, text: result.text });
  });
  router.use(noStackTraces({ logger: options.logger }));
  return router;
}
