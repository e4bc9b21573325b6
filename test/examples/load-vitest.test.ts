/**
 * Runs the vitest example (`examples/test-runner/load.vitest.ts`) in CI: importing it registers
 * its tests here. Its `import … from 'volley'` resolves to the built package (`dist/`).
 */

import '../../examples/test-runner/load.vitest.js';
