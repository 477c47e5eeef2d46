/** Domain operations the bot and jobs call. Pure rules over the store: no chat concepts. */
export * from './orders/index.js';
export * from './routing/index.js';
export * from './inventory/index.js';
export * from './purchasing/index.js';
export * from './allocation/index.js';
export * from './forecasting/index.js';
export * from './recommendations/index.js';
export * from './metrics/index.js';
