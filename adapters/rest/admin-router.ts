import express from 'express';
import { z } from 'zod';
import type { Logger } from '../../core/logger.js';
import { StaffPlatformSchema, StaffRoleSchema } from '../../core/staff.js';
import { parseInput } from '../../core/validation.js';
import type { StaffAdmin } from '../../bot/index.js';
import { requireAdminToken } from '../admin-auth.js';
import { noStackTraces } from '../http/index.js';

const StaffId = z.coerce.number().int().positive();
const RoleBody = z.object({ role: StaffRoleSchema }).strict();
const IdentityBody = z.object({ platform: StaffPlatformSchema, externalId: z.string().trim().min(1).max(200) }).strict();
/** Background jobs an admin may start by hand. */
export const ADMIN_JOBS = ['kb-reindex', 'nlu-retrain'] as const;
const JobName = z.enum(ADMIN_JOBS);
const JobBody = z.object({ reason: z.string().max(200).optional() }).strict();

export interface AdminRouterOptions {
  staff: StaffAdmin;
  /** `Authorization: Bearer <adminToken>`; at least 16 characters. */
  adminToken: string;
  /** Queues a maintenance job (knowledge-base re-index, NLU retraining); the endpoint is off without it. */
  enqueue?: (job: (typeof ADMIN_JOBS)[number], options: { reason?: string }) => Promise<{ jobId: string }>;
  logger: Logger;
}

/**
 * `/api/admin`: staff users, their roles, and the Teams/Slack accounts that map to them.
 *
 * @remarks `GET /staff`; `PUT /staff/:id/role` `{role}`; `POST /staff/:id/identities`
 * `{platform, externalId}` (409 when the account is someone else's); `DELETE
 * /staff/:id/identities/:platform/:externalId`; `POST /jobs/kb-reindex|nlu-retrain` `{reason?}` queues
 * the job (202). Missing token 401, wrong token 403.
 */
export function createAdminRouter(options: AdminRouterOptions): express.Router {
  const { staff } = options;
  const router = express.Router();
  router.use(requireAdminToken(options.adminToken, 'staff'));
  router.use(express.json({ limit: '4kb', strict: true, type: 'application/json' }));
  router.get('/staff', async (_req, res) => {
    const rows = await staff.list();
    res.json({ staff: rows.map((s) => ({ id: s.id, email: s.email, name: s.name, role: s.role, identities: s.identities })) });
  });
  router.put('/staff/:id/role', async (req, res) => {
    const { role } = parseInput(RoleBody, req.body, 'body');
    await staff.setRole({ staffId: parseInput(StaffId, req.params.id, 'staff id'), role });
    res.json({ id: Number(req.params.id), role });
  });
  router.post('/staff/:id/identities', async (req, res) => {
    const identity = parseInput(IdentityBody, req.body, 'body');
    await staff.linkIdentity({ staffId: parseInput(StaffId, req.params.id, 'staff id'), ...identity });
    res.status(201).json(identity);
  });
  router.delete('/staff/:id/identities/:platform/:externalId', async (req, res) => {
    const identity = parseInput(IdentityBody, { platform: req.params.platform, externalId: req.params.externalId }, 'identity');
    await staff.unlinkIdentity({ staffId: parseInput(StaffId, req.params.id, 'staff id'), ...identity });
    res.status(204).end();
  });
  const { enqueue } = options;
  if (enqueue) {
    router.post('/jobs/:name', async (req, res) => {
      const name = parseInput(JobName, req.params.name, 'job');
      const body = parseInput(JobBody, req.body ?? {}, 'body');
      const { jobId } = await enqueue(name, body.reason === undefined ? {} : { reason: body.reason });
      res.status(202).json({ job: name, jobId });
    });
  }
  router.use(noStackTraces({ logger: options.logger }));
  return router;
}
