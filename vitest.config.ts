import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 30_000,
    // Two files at a time even on two cores (vitest's default would be one): most integration
    // files wait on loopback runs of fixed length rather than compute, and every test must pass
    // beside another CPU-heavy process anyway (docs/architecture.md, Tests).
    maxWorkers: 2,
  },
});
