/**
 * The lease-payment example (seed 000) at CI scale, against the demo service started here: the
 * combined load test with the seed's per-endpoint targets, each service's user alone, the
 * profiles' numbers, then the seed's benchmarks and stress tests. Runs that judge latency go
 * first and one at a time; the rest in parallel.
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeaseDb, LeaseNotFoundError } from '../../examples/lease-payment/lease-db.js';
import type { BenchReport } from '../../src/bench/bench-report.js';
import { type DemoServer, startDemoServer } from '../../src/demo/index.js';
import type { Result } from '../../src/metrics/result.js';
import { runCli, tempDir } from '../helpers/cli.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/lease-payment/', import.meta.url));
const IDEMPOTENCY_CHECK = 'repeated Idempotency-Key returns the same lease';
/** The seed's "Endpoint (at 50 users)" latency targets, in the order the scenarios list them. */
const LATENCY_THRESHOLDS = [
  'name=POST /leases:p95<=350ms',
  'name=POST /leases:p99<=500ms',
  'name=GET /leases/{id}:p95<=120ms',
  'name=GET /leases/{id}:p99<=180ms',
  'name=POST /payments/{id}/attempt:p95<=400ms',
  'name=POST /payments/{id}/attempt:p99<=600ms',
  'name=GET /audit/leases/{id}:p95<=250ms',
  'name=GET /audit/leases/{id}:p99<=400ms',
];
const CORRECTNESS_THRESHOLDS = ['successRate>=99%', 'checks==100%'];

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer();
});
afterAll(() => server.close());

/** Runs `volley <args> --json <file>` in the example's folder; returns the run and the parsed file. */
async function runWithJson<T>(args: string[], env: Record<string, string> = {}) {
  const path = join(tempDir(), 'result.json');
  const run = await runCli([...args, '--json', path], { cwd: EXAMPLE, env });
  expect(run.stderr).toBe('');
  return { run, json: JSON.parse(readFileSync(path, 'utf8')) as T };
}

/** Every `user METHOD name` row that saw requests. */
function endpointsWithRequests(result: Result): Set<string> {
  return new Set(
    result.endpoints.filter((e) => e.requests > 0).map((e) => `${e.user} ${e.method} ${e.name}`),
  );
}

/** `expression ✓` or `expression ✗` for each threshold verdict. */
function verdicts(thresholds: readonly { expression: string; ok: boolean }[]): string[] {
  return thresholds.map((t) => `${t.expression} ${t.ok ? '✓' : '✗'}`);
}

describe('examples/lease-payment (seed 000)', () => {
  it('passes the load test at CI scale: all three users, every endpoint, idempotent creation', async () => {
    const { run, json: result } = await runWithJson<Result>([
      'run',
      'load.ts',
      '--profile',
      'ci',
      '-H',
      server.url,
      '-q',
    ]);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain('PASSED');
    expect(result.outcome).toBe('passed');
    expect(result.load.description).toBe('24 users at 24/s for 10s');

    expect(result.userClasses.map((c) => c.user).sort()).toEqual(['LeaseUser', 'LedgerUser', 'PaymentUser']);
    for (const userClass of result.userClasses) expect(userClass.requests).toBeGreaterThan(0);
    const endpoints = endpointsWithRequests(result);
    for (const endpoint of [
      'LeaseUser POST /leases',
      'LeaseUser POST /leases (replay)',
      'LeaseUser GET /leases/{id}',
      'LeaseUser GET /leases/{id}/history',
      'LeaseUser GET /leases',
      'LeaseUser GET /health',
      'PaymentUser POST /leases',
      'PaymentUser GET /payments/{id}',
      'PaymentUser POST /payments/{id}/attempt',
      'PaymentUser POST /payments/{id}/payoff',
      'PaymentUser GET /health',
      'LedgerUser GET /audit/leases/{id}',
      'LedgerUser GET /audit/leases/{id}/timeline',
      'LedgerUser GET /audit/leases/{id}/state',
      'LedgerUser GET /audit/leases/{id}/export?format=json',
      'LedgerUser GET /audit/leases/{id}/export?format=csv',
      'LedgerUser GET /audit/metrics',
      'LedgerUser GET /health',
    ]) {
      expect(endpoints).toContain(endpoint);
    }
    expect(result.totals.failures).toBe(0);

    const idempotency = result.checks.find((c) => c.user === 'LeaseUser' && c.name === IDEMPOTENCY_CHECK);
    expect(idempotency?.passes).toBeGreaterThan(0);
    expect(idempotency?.fails).toBe(0);
    for (const check of result.checks) expect(check.fails, `${check.user} · ${check.name}`).toBe(0);

    expect(verdicts(result.thresholds)).toEqual(
      verdicts([...LATENCY_THRESHOLDS, ...CORRECTNESS_THRESHOLDS].map((expression) => ({ expression, ok: true }))),
    );
  });

  describe.concurrent('then, in parallel', () => {
    it("runs each service's user alone, as the seed's service-specific tests", async () => {
      const services = [
        ['lease-load.ts', 'LeaseUser', LATENCY_THRESHOLDS.slice(0, 4)],
        ['payment-load.ts', 'PaymentUser', LATENCY_THRESHOLDS.slice(4, 6)],
        ['ledger-load.ts', 'LedgerUser', LATENCY_THRESHOLDS.slice(6)],
      ] as const;
      // One after another, as each judges latency.
      for (const [file, user, latency] of services) {
        const { run, json: result } = await runWithJson<Result>(
          ['run', file, '-u', '4', '-r', '4', '-t', '2s', '-H', server.url, '-q'],
          { THINK_TIME: '100ms' },
        );
        expect(run.code, run.stdout).toBe(0);
        expect(result.userClasses.map((c) => c.user)).toEqual([user]);
        // Each file judges its own endpoints' targets; the checks show the requests did their work.
        expect(result.thresholds.map((t) => t.expression)).toEqual([...latency, ...CORRECTNESS_THRESHOLDS]);
        expect(result.checks.reduce((sum, c) => sum + c.passes, 0)).toBeGreaterThan(20);
      }
    });

    it("resolves --profile full to the targets' 50 users, and no profile to the seed's headless run", async () => {
      // -t shortens the runs; the users and spawn rates still come from the profile and the scenario.
      const [full, headless] = await Promise.all([
        runWithJson<Result>(['run', 'load.ts', '--profile', 'full', '-t', '1s', '-H', server.url, '-q']),
        runWithJson<Result>(['run', 'load.ts', '-t', '1s', '-H', server.url, '-q']),
      ]);
      expect(full.json.load.description).toBe('50 users at 5/s for 1s');
      expect(headless.json.load.description).toBe('10 users at 1/s for 1s');
    });

    it('names a bad THINK_TIME and refuses to run', async () => {
      const run = await runCli(['run', 'load.ts', '-H', server.url, '-q'], {
        cwd: EXAMPLE,
        env: { THINK_TIME: 'soon' },
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("THINK_TIME='soon'");
    });
  });

  it("keeps the benchmarks' leases and ledger in a real SQLite, on disk when given a file", async () => {
    const file = join(tempDir(), 'leases.db');
    const db = new LeaseDb({ file });
    const lease = await db.createLease({ customerId: 'c-1', principalCents: 1_200_000, termMonths: 12, aprPercent: 0 });
    expect(lease).toMatchObject({ status: 'active', balanceCents: 1_200_000, monthlyPaymentCents: 100_000 });
    await db.appendEvent(lease.id, 'payment_succeeded', 100_000, { installment: 1 });
    await expect(db.getLease('lease-404')).rejects.toBeInstanceOf(LeaseNotFoundError);
    await expect(db.appendEvent('lease-404', 'payment_succeeded', 1, {})).rejects.toBeInstanceOf(LeaseNotFoundError);
    db.close();
    expect(existsSync(file)).toBe(true);

    const reopened = new LeaseDb({ file });
    expect(await reopened.getLease(lease.id)).toEqual(lease);
    const next = await reopened.createLease({ customerId: 'c-2', principalCents: 100, termMonths: 1, aprPercent: 0 });
    expect(next.id).not.toBe(lease.id);
    const history = await reopened.history(lease.id);
    expect(history.map((e) => [e.seq, e.type, e.amountCents, e.payload])).toEqual([
      [1, 'lease_created', 1_200_000, '{}'],
      [2, 'payment_succeeded', 100_000, '{"installment":1}'],
    ]);
    reopened.close();
  });

  // They keep the CPU busy, so they come after the load tests.
  describe.concurrent('benchmarks and stress tests', () => {
    it("passes the seed's four benchmarks with their avg, p95 and p99 targets", async () => {
      const { run, json: report } = await runWithJson<BenchReport>(['bench', 'benchmarks.bench.ts']);
      expect(run.code, run.stdout).toBe(0);
      expect(run.stdout).toContain('PASSED (4 benchmarks)');
      const measured = report.results.map((r) => {
        if (r.kind !== 'bench' || r.state !== 'completed') throw new Error(`${r.name}: ${r.kind} ${r.state}`);
        return [r.name, r.stats.count, verdicts(r.thresholds)];
      });
      expect(measured).toEqual([
        ['lease creation', 100, ['avg<=50ms ✓', 'p95<=150ms ✓', 'p99<=200ms ✓']],
        ['lease retrieval', 100, ['avg<=20ms ✓', 'p95<=50ms ✓', 'p99<=80ms ✓']],
        ['ledger event append', 100, ['avg<=30ms ✓', 'p95<=80ms ✓', 'p99<=120ms ✓']],
        ['ledger history retrieval', 50, ['avg<=100ms ✓', 'p95<=250ms ✓', 'p99<=400ms ✓']],
      ]);
    });

    it("passes the seed's three stress tests: success rate above 95 %, peak memory below 500 MB", async () => {
      const { run, json: report } = await runWithJson<BenchReport>(['bench', 'stress-tests.bench.ts']);
      expect(run.code, run.stdout).toBe(0);
      expect(run.stdout).toContain('PASSED (3 stress tests)');
      const measured = report.results.map((r) => {
        if (r.kind !== 'stress' || r.state !== 'completed') throw new Error(`${r.name}: ${r.kind} ${r.state}`);
        const [level] = r.levels;
        if (level === undefined || r.levels.length !== 1) throw new Error(`${r.name}: expected one level`);
        return [r.name, level.concurrency, level.ops, level.successes, verdicts(r.thresholds)];
      });
      const criteria = ['successRate>95% ✓', 'peakMemory<500MB ✓'];
      expect(measured).toEqual([
        ['concurrent lease creation', 50, 500, 500, criteria],
        ['ledger event storm', 10, 1000, 1000, criteria],
        ['read amplification', 50, 1000, 1000, criteria],
      ]);
    });
  });
});
