import type { BenchSystemFactory } from '../system.js';

/**
 * Benchmarkable systems by name. Each entry imports its implementation on demand, so a run
 * of one system never loads the other's modules (and their memory).
 */
export const SYSTEMS: Readonly<Record<string, BenchSystemFactory>> = Object.freeze({
  ours: async () => (await import('./ours.js')).createOursSystem(),
  'node-nlp': async () => (await import('./node-nlp.js')).createNodeNlpSystem(),
});

export const SYSTEM_NAMES = Object.keys(SYSTEMS);
