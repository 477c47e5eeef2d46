export { createTeamsRouter, type TeamsRouterOptions } from './router.js';
export { createTeamsNotifier, type TeamsNotifierOptions } from './notifier.js';
export type { TeamsAuth } from './sdk.js';
export { NOT_REGISTERED_TEXT } from './turn.js';
export { addressedText, InboundActivitySchema, type InboundActivity } from './inbound.js';
export { tableCard, toTeamsMessage, type OutboundText, type TeamsMessage } from './outbound.js';
