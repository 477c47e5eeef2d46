export { Bot, toActivity, type BotOptions, type TurnResult } from './pipeline.js';
export { ToolRegistry, type BotTool, type ToolOutcome } from './tools/registry.js';
export { registerStaffTools } from './tools/staff.js';
export { signCustomerToken, signStaffToken, verifyToken } from './identity.js';
export { DEFAULT_IDENTITY_LIMITS, type IdentityLimits } from './identify.js';
export type { Language } from './messages/index.js';
export type { Reply } from './reply.js';
import { ToolRegistry } from './tools/registry.js';
import { registerStaffTools } from './tools/staff.js';
import { cancelOrderTool, changeAddressTool, listOrdersTool, orderStatusTool, startReturnTool } from './tools/orders.js';

/** A registry with every customer order tool. */
export function createCustomerTools(): ToolRegistry {
  return new ToolRegistry()
    .register(orderStatusTool)
    .register(listOrdersTool)
    .register(cancelOrderTool)
    .register(changeAddressTool)
    .register(startReturnTool);
}

/**
 * A registry with the customer order tools and the staff operations tools.
 *
 * @remarks One registry serves every caller: each tool names the roles allowed, and the
 * registry refuses any other role before the tool runs.
 */
export function createBotTools(): ToolRegistry {
  return registerStaffTools(createCustomerTools());
}
