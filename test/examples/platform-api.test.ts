/**
 * The platform-api example (seed 002) at CI scale, against the demo service started here: the
 * GitHub workflow's own volley command, the seed's `.env` variables mapped to the scenario, and
 * the `full` profile's numbers. The runs are independent, so they go in parallel.
 */

import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type DemoServer, startDemoServer } from '../../src/demo/index.js';
import type { Result } from '../../src/metrics/result.js';
import { CLI, runCli, tempDir } from '../helpers/cli.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/platform-api/', import.meta.url));
const CLASSES = ['AuthUser', 'GenerationUser', 'PaymentUser'];

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer();
});
afterAll(() => server.close());

function readResult(path: string): Result {
  return JSON.parse(readFileSync(path, 'utf8')) as Result;
}

/** The `run:` of the workflow step with this name. */
function workflowStep(name: string): string {
  const workflow = parse(readFileSync(join(EXAMPLE, 'github-workflow.yml'), 'utf8')) as {
    jobs: Record<string, { steps: { name?: string; run?: string }[] }>;
  };
  const step = workflow.jobs['load-test']?.steps.find((s) => s.name === name);
  if (step?.run === undefined) throw new Error(`the workflow has no step '${name}'`);
  return step.run;
}

describe.concurrent('examples/platform-api (seed 002)', () => {
  it('passes the workflow command at CI scale, writing HTML, JSON, JUnit, CSV and Markdown', async () => {
    const reports = tempDir();
    const summary = join(reports, 'step-summary.md');
    const command = workflowStep('Run load tests')
      .replace('${{ inputs.profile }}', 'ci')
      .replace('npx volley', `"${process.execPath}" "${CLI}"`);
    expect(command).toContain('--profile "ci"');
    const run = await promisify(execFile)('bash', ['-c', command], {
      cwd: EXAMPLE,
      env: {
        ...process.env,
        NO_COLOR: '1',
        LOAD_TEST_HOST: server.url,
        LOAD_TEST_REPORT_DIR: reports,
        GITHUB_STEP_SUMMARY: summary,
      },
      timeout: 60_000,
    });
    expect(run.stdout).toContain('PASSED');

    const result = readResult(join(reports, 'load_test_metrics.json'));
    expect(result.outcome).toBe('passed');
    expect(result.load.description).toBe('30 users at 30/s for 10s');
    expect(result.userClasses.map((c) => c.user).sort()).toEqual(CLASSES);
    for (const userClass of result.userClasses) expect(userClass.requests).toBeGreaterThan(0);
    // The seed's task weights decide which endpoints each class calls.
    const endpoints = new Set(result.endpoints.map((e) => `${e.user} ${e.method} ${e.name}`));
    for (const endpoint of [
      'AuthUser POST /api/v1/auth/register',
      'AuthUser POST /api/v1/auth/login',
      'AuthUser GET /health',
      'GenerationUser POST /api/v1/generation/create',
      'GenerationUser GET /api/v1/generation/list',
      'PaymentUser POST /api/v1/payments/create',
      'PaymentUser GET /api/v1/payments',
    ]) {
      expect(endpoints).toContain(endpoint);
    }
    expect(result.thresholds.map((t) => [t.expression, t.ok])).toEqual([
      ['AuthUser:successRate>=99%', true],
      ['AuthUser:p95<=200ms', true],
      ['GenerationUser:successRate>=95%', true],
      ['GenerationUser:p95<=500ms', true],
      ['PaymentUser:successRate>=95%', true],
      ['PaymentUser:p95<=300ms', true],
    ]);
    expect(result.checks.every((c) => c.fails === 0 && c.passes > 0)).toBe(true);

    expect(readFileSync(join(reports, 'locust_report.html'), 'utf8')).toContain('GenerationUser');
    const junit = readFileSync(join(reports, 'junit.xml'), 'utf8');
    expect(junit).toContain('failures="0"');
    expect(junit).toContain('name="PaymentUser:p95&lt;=300ms"');
    expect(existsSync(join(reports, 'load_test_results_stats.csv'))).toBe(true);
    expect(readFileSync(summary, 'utf8')).toContain('AuthUser:successRate');
  });

  it("reads the seed's .env variables: host, load levels and thresholds", async () => {
    const dir = tempDir();
    const envFile = join(dir, '.env.load-testing');
    writeFileSync(
      envFile,
      [
        `LOAD_TEST_HOST=${server.url}`,
        'LOAD_TEST_USERS_MIN=4',
        'LOAD_TEST_USERS_MAX=12',
        'LOAD_TEST_SPAWN_RATE=8',
        'LOAD_TEST_DURATION_SECONDS=3',
        'AUTH_SUCCESS_RATE_THRESHOLD=0.98',
        'PAYMENTS_P95_LATENCY_MS=350',
        'GENERATION_TARGET_RPS=0.5',
      ].join('\n'),
    );
    const json = join(dir, 'result.json');
    const run = await runCli(['run', 'platform.ts', '--env-file', envFile, '--json', json, '-q'], {
      cwd: EXAMPLE,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = readResult(json);
    // No -H: the host came from LOAD_TEST_HOST, or nothing would have succeeded.
    expect(result.totals.requests).toBeGreaterThan(0);
    expect(result.totals.failures).toBe(0);
    // 4 users at 8/s (0.5 s), on to 12 at 8/s (1 s), then 3 s steady.
    expect(result.load.description).toBe('stages 0.5s→4, 1s→12, 3s→12');
    expect(Math.max(...result.timeSeries.map((p) => p.users))).toBe(12);
    expect(result.thresholds.map((t) => t.expression)).toEqual([
      'AuthUser:successRate>=98%',
      'AuthUser:p95<=200ms',
      'GenerationUser:successRate>=95%',
      'GenerationUser:p95<=500ms',
      'PaymentUser:successRate>=95%',
      'PaymentUser:p95<=350ms',
      'name=POST /api/v1/generation/create:rps>=0.5/s',
    ]);
  });

  it('names a bad .env value and refuses to run', async () => {
    const run = await runCli(['run', 'platform.ts', '-H', server.url, '-q'], {
      cwd: EXAMPLE,
      env: { AUTH_P95_LATENCY_MS: 'fast' },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("AUTH_P95_LATENCY_MS: expected a number > 0, got 'fast'");
  });

  it("defines --profile full as the seed's 1000 users at 10/s", async () => {
    const json = join(tempDir(), 'result.json');
    // -t shortens the run; the profile's users and spawn rate still apply.
    const args = ['platform.ts', '--profile', 'full', '-t', '1s', '-H', server.url, '--json', json];
    const run = await runCli(['run', ...args, '-q'], { cwd: EXAMPLE });
    expect(run.stderr).toBe('');
    expect(readResult(json).load.description).toBe('1000 users at 10/s for 1s');
  });
});
