/**
 * `volley run --out ndjson=…`: the run as JSON lines for log pipelines, read here by `jq`
 * (Debian's package, as a pipeline would read it): the per-tick counts add up to the run's
 * totals, every row's lines to its row, and the verdicts and the end come last.
 */

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, writeScenario } from '../helpers/cli.js';
import { type LoopbackServer, startServer } from '../helpers/loopback-server.js';

let target: LoopbackServer;
beforeAll(async () => {
  target = await startServer((req, res) => {
    res.statusCode = req.url === '/flaky' ? 500 : 200;
    setTimeout(() => res.end('ok'), 2);
  });
});
afterAll(() => target.close());

const SCENARIO = `
import { constant, defineScenario, defineUser } from 'volley';
export const Reader = defineUser({
  wait: constant('20ms'),
  tasks: {
    read: ({ http }) => http.get('/items'),
    flaky: ({ http, metric }) => { metric('jobs').add(2); return http.get('/flaky'); },
  },
});
export default defineScenario({
  name: 'streamed',
  users: [Reader],
  metrics: { jobs: 'counter' },
  load: { users: 3, duration: '2500ms' },
  thresholds: ['p95<5s', 'name=/flaky:errorRate<1%'],
});
`;

/** `jq -s <program>` over `lines`, parsed. */
function jq(lines: string, program: string): unknown {
  return JSON.parse(execFileSync('jq', ['-c', '-s', program], { input: lines, encoding: 'utf8' }));
}

describe('volley run --out ndjson', () => {
  it('streams to stdout lines whose per-tick counts add up to the totals, the summary on stderr', async () => {
    const file = writeScenario(tempDir(), 'load.ts', SCENARIO);
    const cli = await runCli(['run', file, '-H', target.url, '--workers', '2', '--out', 'ndjson=-', '-q']);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('Requests (latency in ms)');
    const sums = jq(
      cli.stdout,
      `{
        types: [.[].type] | unique,
        first: .[0].type, last: .[-1].type,
        ticks: [.[] | select(.type == "interval") | .requests] | add,
        rows: [.[] | select(.type == "row") | .requests] | add,
        flaky: [.[] | select(.type == "row" and .name == "/flaky") | .failures] | add,
        end: (.[-1] | {requests, failures, outcome}),
        thresholds: [.[] | select(.type == "threshold") | {expression, ok}],
        jobs: [.[] | select(.type == "metric" and .name == "jobs")][-1].sum
      }`,
    ) as Record<string, unknown>;
    expect(sums.first).toBe('start');
    expect(sums.last).toBe('end');
    expect(sums.types).toEqual(['end', 'event', 'interval', 'metric', 'row', 'start', 'threshold']);
    const end = sums.end as { requests: number; failures: number; outcome: string };
    expect(end.outcome).toBe('failed');
    expect(end.requests).toBeGreaterThan(20);
    expect(sums.ticks).toBe(end.requests);
    expect(sums.rows).toBe(end.requests);
    expect(sums.flaky).toBe(end.failures);
    expect(sums.jobs).toBe(end.failures * 2);
    expect(sums.thresholds).toEqual([
      { expression: 'p95<5s', ok: true },
      { expression: 'name=/flaky:errorRate<1%', ok: false },
    ]);
  });

  it('writes to a file, creating its folder, and keeps the summary on stdout', async () => {
    const dir = tempDir();
    const out = join(dir, 'logs', 'run.ndjson');
    const file = writeScenario(dir, 'load.ts', SCENARIO.replace("'2500ms'", "'1s'"));
    const cli = await runCli(['run', file, '-H', target.url, '--out', `ndjson=${out}`, '-q']);
    expect(cli.stdout).toContain('Requests (latency in ms)');
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines.every((line) => typeof JSON.parse(line) === 'object')).toBe(true);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ type: 'start', run: 'streamed', plannedDurationS: 1 });
  });

  it('an unknown kind or a missing target names the flag and what it takes', async () => {
    const url = `${target.url}/`;
    const kind = await runCli(['run', '--url', url, '--out', 'xml=run.xml', '-q']);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain("--out xml=run.xml: unknown output 'xml' (expected ndjson=<file|->)");
    const bare = await runCli(['run', '--url', url, '--out', 'ndjson', '-q']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('--out ndjson: expected ndjson=<file> or ndjson=- for stdout');
  });
});
