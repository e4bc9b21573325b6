/**
 * Runs the LeadFactory example (seed 001, `examples/leadfactory/`) in CI: importing its three
 * vitest files registers their tests here, each file's demo services started in its own
 * `beforeAll`. Their `import … from 'volley'` resolves to the built package (`dist/`).
 */

import '../../examples/leadfactory/audit-performance.vitest.js';
import '../../examples/leadfactory/production-monitoring.vitest.js';
import '../../examples/leadfactory/integration-performance.vitest.js';
