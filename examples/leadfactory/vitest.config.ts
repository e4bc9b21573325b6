/**
 * Runs the LeadFactory suite on its own, from the repository root:
 *
 *   npx vitest run --config examples/leadfactory/vitest.config.ts
 *   LEADFACTORY_SCALE=full npx vitest run --config examples/leadfactory/vitest.config.ts
 *
 * The files run one after another: they measure latency and scaling, and two files loading the
 * same cores at once would measure each other.
 */

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['*.vitest.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
