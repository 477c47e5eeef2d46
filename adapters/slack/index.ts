export { createSlackRouter, SLACK_EVENTS_PATH, type SlackRouterOptions } from './http.js';
export { startSlackSocketMode, type SlackSocketMode, type SlackSocketModeOptions } from './socket-mode.js';
export { createSlackNotifier, type SlackNotifierOptions } from './notifier.js';
export type { SlackChannelOptions } from './options.js';
export { NOT_REGISTERED_TEXT } from './texts.js';
export { SlackHandoffs, type SlackHandoffsOptions, type SlackThreadReply } from './handoffs.js';
export { HandoffThreadReferenceSchema, handoffThreadIds, type HandoffThread, type HandoffThreadStore } from './handoff-threads.js';
