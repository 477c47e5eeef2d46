export { openDatabase, type Store, type Dialect, type DatabaseOptions } from './db.js';
export * from './conversations.js';
export type * from './schema.js';
export * from './staff.js';
export * from './channel-conversations.js';
export * from './handoffs.js';
export { lockConversation } from './locks.js';
