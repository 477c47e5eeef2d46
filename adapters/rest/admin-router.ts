import express from 'express';
import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { StaffPlatformSchema, StaffRoleSchema } from '../../core/staff.js';
import type { StaffAdmin } from '../../bot/index.js';
import { requireAdminToken } from '../admin-auth.js';
import { restErrorHandler } from './router.js';

const StaffId = z.coerce.number().int().positive();
const RoleBody = z.object({ role: StaffRoleSchema }).strict();
const IdentityBody = z.object({ platform: StaffPlatformSchema, externalId: z.string().trim().min(1).max(200) }).strict();

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidInputError(`${issue?.path.join('.') || 'request'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

export interface AdminRouterOptions {
  staff: StaffAdmin;
  /** `Authorization: Bearer <adminToken>`; at least 16 characters. */
  adminToken: string;
  logger: Logger;
}

/**
 * `/api/admin`: staff users, their roles, and the Teams/Slack accounts that map to them.
 *
 * @remarks `GET /staff`; `PUT /staff/:id/role` `{role}`; `POST /staff/:id/identities`
 * `{platform, externalId}` (409 when the account is someone else's); `DELETE
 * /staff/:id/identities/:platform/:externalId`. Missing token 401, wrong token 403.
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
    const { role } = parse(RoleBody, req.body);
    await staff.setRole({ staffId: parse(StaffId, req.params.id), role });
    res.json({ id: Number(req.params.id), role });
  });
  router.post('/staff/:id/identities', async (req, res) => {
    const identity = parse(IdentityBody, req.body);
    await staff.linkIdentity({ staffId: parse(StaffId, req.params.id), ...identity });
    res.status(201).json(identity);
  });
  router.delete('/staff/:id/identities/:platform/:externalId', async (req, res) => {
    const identity = parse(IdentityBody, { platform: req.params.platform, externalId: req.params.externalId });
    await staff.unlinkIdentity({ staffId: parse(StaffId, req.params.id), ...identity });
    res.status(204).end();
  });
  router.use(restErrorHandler(options.logger));
  return router;
}
