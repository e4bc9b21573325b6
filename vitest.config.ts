import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 30_000,
    // At least two files at once, even on two cores (vitest's default there is one): most test
    // time is spent waiting on timers and child processes, not on this process's CPU.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
