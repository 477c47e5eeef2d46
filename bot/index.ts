export { Bot, toActivity, type BotOptions, type TurnResult } from './pipeline.js';
export { ToolRegistry, type BotTool, type ToolOutcome } from './tools/registry.js';
export { signCustomerToken, verifyCustomerToken } from './identity.js';
export { DEFAULT_IDENTITY_LIMITS, type IdentityLimits } from './identify.js';
export type { Language } from './messages/index.js';
export type { Reply } from './reply.js';
import { ToolRegistry } from './tools/registry.js';
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
