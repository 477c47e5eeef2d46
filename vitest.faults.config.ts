import { defineConfig } from 'vitest/config';

/**
 * `npm run test:faults`: scenarios that restart the machine's Redis and PostgreSQL. One file at
 * a time and after the main suite, since every connection on the machine drops with them.
 */
export default defineConfig({
  test: {
    include: ['tests/faults/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
