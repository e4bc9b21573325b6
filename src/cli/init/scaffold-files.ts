/**
 * The files `volley init` writes: a first scenario, a config file with profiles, a benchmark, a
 * GitHub Actions workflow and, in a folder that has none, a package.json and a tsconfig.json.
 * Each is runnable as generated (test/integration/init.test.ts runs them against the demo).
 */

import { VERSION } from '../../version.js';
import type { ScaffoldTarget } from './scaffold-target.js';

export interface ScaffoldFile {
  /** Relative to the project folder, with `/`. */
  path: string;
  content: string;
  /** Written only when the folder has none (never replaced, even with --force). */
  onlyIfMissing?: boolean;
}

export const SCENARIO_PATH = 'load/smoke.ts';
export const BENCH_PATH = 'bench/example.bench.ts';
export const WORKFLOW_PATH = '.github/workflows/load-test.yml';

export function scaffoldFiles(target: ScaffoldTarget, projectName: string): ScaffoldFile[] {
  return [
    { path: SCENARIO_PATH, content: scenario(target) },
    { path: 'volley.config.json', content: config() },
    { path: BENCH_PATH, content: benchmark() },
    { path: WORKFLOW_PATH, content: workflow(target) },
    { path: 'package.json', content: packageJson(projectName), onlyIfMissing: true },
    { path: 'tsconfig.json', content: tsconfig(), onlyIfMissing: true },
  ];
}

/** How a run of the scaffolded scenario is started: with `--demo` when it targets the demo. */
export function runCommand(target: ScaffoldTarget, extra = ''): string {
  return `npx volley run ${SCENARIO_PATH}${target.demo ? ' --demo' : ''}${extra}`;
}

function scenario(target: ScaffoldTarget): string {
  const tasks = target.paths
    .map(
      (path) => `    ${quote(`GET ${path}`)}: async ({ http, check }) => {
      const res = await http.get(${quote(path)});
      check(res, { 'status is 2xx': (r) => r.status >= 200 && r.status < 300 });
    },`,
    )
    .join('\n');
  return `/**
 * A first load test of ${target.demo ? "volley's demo service" : target.origin}, made by \`volley init\`.
 *
 *   ${runCommand(target)}                  # the scenario's own load
 *   ${runCommand(target, ' --profile ci')}     # the CI profile (volley.config.json)
 *   ${runCommand(target, ' --ui')}             # the live web UI
 *
 * Add tasks for the requests your users make, and name the rows of URLs that differ only by
 * ids: http.get(\`/items/\${id}\`, { name: '/items/[id]' }).
 */

import { between, defineScenario, defineUser } from 'volley';

export const Visitor = defineUser({
  wait: between('0.5s', '1.5s'),
  tasks: {
${tasks}
  },
});

export default defineScenario({
  name: 'smoke',
  host: ${quote(target.origin)},
  users: [Visitor],
  load: { users: 10, spawnRate: 5, duration: '30s' },
  // The run fails (exit code 1) when one of these does not hold.
  thresholds: ['errorRate<1%', 'p95<500ms'],
});
`;
}

/** A TypeScript string literal in single quotes. */
function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function config(): string {
  const document = {
    options: { gracefulStop: '5s' },
    profiles: {
      ci: { users: 5, spawnRate: 5, duration: '5s' },
      load: { users: 100, spawnRate: 10, duration: '5m' },
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function benchmark(): string {
  return `/**
 * A first benchmark, made by \`volley init\`: one operation timed call by call, with thresholds.
 *
 *   npx volley bench ${BENCH_PATH}
 *   npx volley bench ${BENCH_PATH} --json results/bench.json        # keep a baseline
 *   npx volley bench ${BENCH_PATH} --baseline results/bench.json    # exit 1 on a regression
 *
 * Replace the operation with one of yours: a query, a serializer, a pricing function.
 */

import { bench } from 'volley';

const payload = JSON.stringify({
  items: Array.from({ length: 100 }, (_, i) => ({ id: i, name: \`item \${i}\`, price: i * 1.5 })),
});

export default [
  bench('parse a 100-item payload', () => JSON.parse(payload), {
    thresholds: { p95: '<5ms' },
  }),
];
`;
}

function workflow(target: ScaffoldTarget): string {
  const start = target.demo
    ? '      # --demo starts volley\'s demo service; test your own by starting it here instead.'
    : `      # Start the service under test here, listening on ${target.origin}.`;
  return `# Load test and benchmark on every pull request, made by \`volley init\`: the job fails when a
# threshold fails (exit code 1), and the reports are kept as an artifact.
name: load test
on:
  pull_request:
  workflow_dispatch:
jobs:
  load-test:
    runs-on: ubuntu-latest
    timeout-minutes: 15
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm ci
${start}
      - run: ${runCommand(target, ' --profile ci --junit results/junit.xml --html results/report.html --md "$GITHUB_STEP_SUMMARY"')}
      - run: npx volley bench ${BENCH_PATH} --json results/bench.json
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: load-test-reports
          path: results/
`;
}

function packageJson(name: string): string {
  const document = {
    name,
    private: true,
    type: 'module',
    scripts: { load: `volley run ${SCENARIO_PATH}`, bench: `volley bench ${BENCH_PATH}` },
    devDependencies: { volley: `^${VERSION}` },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function tsconfig(): string {
  const document = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noEmit: true,
      skipLibCheck: true,
    },
    include: ['load', 'bench'],
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
