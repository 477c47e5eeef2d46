export { Bot, toActivity, type BotOptions, type TurnResult } from './pipeline.js';
export { ChannelDirectory } from './channels.js';
export { StaffAdmin } from './staff-admin.js';
export { handOffIfStronglyNegative, STRONGLY_NEGATIVE } from './sentiment-handoff.js';
export { AGENT_ROLES, HandoffDesk, HandoffOutcomeSchema, HandoffSummarySchema, type Agent, type HandoffDeskOptions, type HandoffSummary, type QueueEntry } from './handoff.js';
export { HandoffEvents, type HandoffEvent, type HandoffListener } from './handoff-events.js';
export { extractTables } from './text-tables.js';
export { ToolRegistry, type BotTool, type ToolOutcome } from './tools/registry.js';
export { registerStaffTools } from './tools/staff.js';
export { signCustomerToken, signStaffToken, verifyToken } from './identity.js';
export { DEFAULT_IDENTITY_LIMITS, type IdentityLimits } from './identify.js';
export type { Language } from './messages/index.js';
export type { Reply } from './reply.js';
import { ToolRegistry } from './tools/registry.js';
import { registerAllocationTools } from './tools/allocation.js';
import { registerMetricsTools } from './tools/metrics.js';
import { registerPurchasingTools } from './tools/purchasing.js';
import { registerRecommendationTools } from './tools/recommendations.js';
import { registerRouteTools } from './tools/routes.js';
import { registerStaffTools } from './tools/staff.js';
import { cancelOrderTool, changeAddressTool, listOrdersTool, orderStatusTool, startReturnTool } from './tools/orders.js';

/** A registry with every customer order tool and product recommendations. */
export function createCustomerTools(): ToolRegistry {
  const registry = new ToolRegistry()
    .register(orderStatusTool)
    .register(listOrdersTool)
    .register(cancelOrderTool)
    .register(changeAddressTool)
    .register(startReturnTool);
  return registerRecommendationTools(registry);
}

/**
 * A registry with the customer order tools and the staff operations tools.
 *
 * @remarks One registry serves every caller: each tool names the roles allowed, and the
 * registry refuses any other role before the tool runs.
 */
export function createBotTools(): ToolRegistry {
  const registry = registerStaffTools(createCustomerTools());
  return registerMetricsTools(registerAllocationTools(registerRouteTools(registerPurchasingTools(registry))));
}
