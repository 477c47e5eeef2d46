export { createRestRouter, type RestOptions } from './rest/router.js';
export { createOpsRouter, type OpsRouterOptions } from './rest/ops-router.js';
export { createAdminRouter, type AdminRouterOptions } from './rest/admin-router.js';
export { openApiDocument } from './rest/openapi.js';
export { attachWebchat, type WebchatOptions } from './webchat/socket.js';
export { toErrorResponse, type ErrorBody } from './errors.js';
export type { Authenticate } from './auth.js';
export { attachAgents, broadcastToAgents, deliverHandoffEvent, deliverToWebchat, type AgentsOptions } from './agents/index.js';
export type { Broadcaster } from './broadcast.js';
