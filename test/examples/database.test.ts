/**
 * The database example (seed 002's connection pool saturation) against a real PostgreSQL, a
 * throwaway cluster started here: a few users pass with every query a SQL row and the pool's
 * custom metrics reported; then thirty users on a pool of one client queue for it, and the
 * saturation threshold fails the run.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomMetricStats, Result } from '../../src/metrics/result.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { type PostgresServer, postgresSkipReason, startPostgres } from '../helpers/postgres.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/database/', import.meta.url));
const SQL_ROWS = ['insert lease', 'select lease by id', 'select recent leases', 'update lease'];
const THRESHOLDS = [
  'name=insert lease:p95<250ms',
  'name=select lease by id:p95<100ms',
  'name=update lease:p95<250ms',
  'name=select recent leases:p95<250ms',
  'metric=pool_acquire_ms:p95<50',
  'metric=pool_waiting:max<5',
];
const skip = postgresSkipReason();

let server: PostgresServer | undefined;
beforeAll(async () => {
  if (skip === undefined) server = await startPostgres();
}, 60_000);
afterAll(() => server?.stop());

/** Runs `volley run leases.ts <args> --json <file>` against the throwaway database. */
async function runLeases(args: string[], env: Record<string, string> = {}) {
  if (server === undefined) throw new Error('the throwaway PostgreSQL did not start');
  const path = join(tempDir(), 'result.json');
  const run = await runCli(['run', 'leases.ts', ...args, '-q', '--json', path], {
    cwd: EXAMPLE,
    env: { DATABASE_URL: server.url, ...env },
  });
  expect(run.stderr).toBe('');
  return { run, result: JSON.parse(readFileSync(path, 'utf8')) as Result };
}

/** The rows vu.measure recorded with type SQL, by name. */
function sqlRows(result: Result) {
  return new Map(result.endpoints.filter((e) => e.method === 'SQL').map((e) => [e.name, e]));
}

function metric(result: Result, name: string): CustomMetricStats {
  const found = result.metrics?.find((m) => m.name === name);
  if (found === undefined) throw new Error(`no custom metric ${name} in the result`);
  return found;
}

/** `expression ✓` or `expression ✗` for each threshold verdict. */
function verdicts(thresholds: readonly { expression: string; ok: boolean }[]): string[] {
  return thresholds.map((t) => `${t.expression} ${t.ok ? '✓' : '✗'}`);
}

async function leasesInDatabase(): Promise<number> {
  const client = new pg.Client({ connectionString: server?.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>('select count(*) from leases');
    return Number(rows[0]?.count);
  } finally {
    await client.end();
  }
}

describe.skipIf(skip !== undefined)(
  `examples/database (seed 002: a PostgreSQL pool under load)${skip === undefined ? '' : ` (skipped: ${skip})`}`,
  () => {
    it('passes at 4 users on 2 workers: every query a SQL row, the pool reported, the writes in the table', async () => {
      const { run, result } = await runLeases(['-u', '4', '-r', '4', '-t', '3s', '--workers', '2']);
      expect(run.code, run.stdout).toBe(0);
      expect(result.outcome).toBe('passed');

      const rows = sqlRows(result);
      expect([...rows.keys()].sort()).toEqual(SQL_ROWS);
      for (const [name, row] of rows) {
        expect(row.requests, name).toBeGreaterThan(0);
        expect(row.failures, name).toBe(0);
      }
      expect(result.errors).toEqual([]);
      // Every insert the users timed is a row in the database: the writes were real and committed.
      expect(await leasesInDatabase()).toBe(rows.get('insert lease')?.requests);

      const waiting = metric(result, 'pool_waiting');
      const acquire = metric(result, 'pool_acquire_ms');
      const size = metric(result, 'pool_size');
      expect([waiting.kind, acquire.kind, acquire.unit, size.kind]).toEqual(['gauge', 'trend', 'ms', 'gauge']);
      // One acquisition per task, each recording all three: every task runs one insert, update
      // or recent-leases query (an insert is followed by its select by id on the same client).
      const count = (name: string) => rows.get(name)?.requests ?? 0;
      const tasks = count('insert lease') + count('update lease') + count('select recent leases');
      for (const m of [waiting, acquire, size]) expect(m.samples, m.name).toBe(tasks);
      // At most the other 3 users can be in line ahead of one, and with 10 clients they rarely are.
      expect(waiting.max).toBeLessThan(4);
      expect(acquire.p95).toBeLessThan(50);
      expect(size.max).toBeGreaterThanOrEqual(1);
      expect(size.max).toBeLessThanOrEqual(10);

      expect(verdicts(result.thresholds)).toEqual(verdicts(THRESHOLDS.map((expression) => ({ expression, ok: true }))));
      expect(run.stdout).toContain('SQL');
      expect(run.stdout).toContain('pool_acquire_ms');
    });

    it('fails the saturation threshold when 30 users share a pool of one client', async () => {
      const { run, result } = await runLeases(['-u', '30', '-r', '30', '-t', '3s', '--workers', '1'], { POOL_MAX: '1' });
      expect(run.code, run.stdout).toBe(1);
      expect(result.outcome).toBe('failed');

      // The queries still succeed, one at a time: the pool, not the database, is the limit.
      const rows = sqlRows(result);
      for (const [name, row] of rows) {
        expect(row.requests, name).toBeGreaterThan(0);
        expect(row.failures, name).toBe(0);
      }
      const waiting = metric(result, 'pool_waiting');
      expect(waiting.max).toBeGreaterThan(0);
      expect(waiting.max).toBeGreaterThanOrEqual(5);
      expect(metric(result, 'pool_size').max).toBe(1);
      expect(metric(result, 'pool_acquire_ms').max).toBeGreaterThan(0);

      const saturation = result.thresholds.find((t) => t.expression === 'metric=pool_waiting:max<5');
      expect(saturation?.ok).toBe(false);
      expect(run.stdout).toContain('✗ metric=pool_waiting:max<5');
    });

    it('names a missing DATABASE_URL and a bad POOL_MAX before any user starts', async () => {
      const [missing, bad] = await Promise.all([
        runCli(['run', 'leases.ts', '-q'], { cwd: EXAMPLE, env: { DATABASE_URL: '' } }),
        runCli(['run', 'leases.ts', '-q'], { cwd: EXAMPLE, env: { DATABASE_URL: server?.url ?? '', POOL_MAX: '0' } }),
      ]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('DATABASE_URL is not set');
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain("POOL_MAX='0' must be a whole number of at least 1");
    });
  },
);
