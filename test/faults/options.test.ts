/**
 * The new HTTP options through the real CLI (dist/cli/main.js): `--accept-encoding`,
 * `--no-compression`, `--max-body-size` and `--discard-response-bodies` and the scenario's
 * `http` settings reach the client; bad values name the flag and exit 2; a refused target says
 * that nothing is listening; retries show in the result.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/metrics/result.js';
import { runCli, tempDir, writeScenario } from '../helpers/cli.js';
import { deadPort, type LoopbackServer, startServer } from '../helpers/loopback-server.js';

let server: LoopbackServer;
const acceptEncodings: (string | undefined)[] = [];

beforeAll(async () => {
  server = await startServer((req, res) => {
    acceptEncodings.push(req.headers['accept-encoding']);
    res.end('x'.repeat(5000));
  });
});
afterAll(() => server.close());

async function run(args: string[]): Promise<{ result: Result; stdout: string; stderr: string; code: number | null }> {
  const json = join(tempDir(), 'result.json');
  const cli = await runCli(['run', ...args, '-u', '1', '--iterations', '2', '--json', json, '-q']);
  return { result: JSON.parse(readFileSync(json, 'utf8')) as Result, stdout: cli.stdout, stderr: cli.stderr, code: cli.code };
}

/** A scenario that fails a check unless the body it read has the expected length and truncation. */
function bodyScenario(http: string, length: number, truncated: boolean): string {
  return writeScenario(
    tempDir(),
    'body.ts',
    `import { defineScenario, defineUser } from 'volley';
export const U = defineUser({ tasks: [async ({ http, check }) => {
  const res = await http.get('/');
  check(res, { 'body as configured': (r) => r.body.length === ${length} && r.truncated === ${truncated} && r.bodySize === 5000 });
}] });
export default defineScenario({ users: [U], http: ${http} });
`,
  );
}

describe('HTTP options through the CLI', () => {
  it('sends gzip, deflate, br by default, the --accept-encoding list, and none with --no-compression', async () => {
    acceptEncodings.length = 0;
    await run(['--url', server.url]);
    await run(['--url', server.url, '--accept-encoding', 'gzip']);
    await run(['--url', server.url, '--no-compression']);
    expect(acceptEncodings).toEqual(['gzip, deflate, br', 'gzip, deflate, br', 'gzip', 'gzip', undefined, undefined]);
  });

  it('keeps at most http.maxBodySize, which --max-body-size overrides, and discards with --discard-response-bodies', async () => {
    const scenario = bodyScenario(`{ maxBodySize: '1kB' }`, 1000, true);
    expect((await run([scenario, '-H', server.url])).result.totals.checks).toEqual({ passes: 2, fails: 0 });
    const wider = bodyScenario(`{ maxBodySize: 100 }`, 5000, false);
    expect((await run([wider, '-H', server.url, '--max-body-size', '1MiB'])).result.totals.checks.fails).toBe(0);
    const discarded = bodyScenario('{}', 0, true);
    expect((await run([discarded, '-H', server.url, '--discard-response-bodies'])).result.totals.checks.fails).toBe(0);
  });

  it.each([
    ['--max-body-size', 'lots'],
    ['--accept-encoding', 'gzip br'],
  ])('a bad %s names the flag and exits 2', async (flag, value) => {
    const cli = await runCli(['run', '--url', server.url, flag, value, '-q']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain(flag);
    expect(cli.stderr).not.toMatch(/ at .*\.js:\d+/);
  });

  it('says nothing is listening on a refused target', async () => {
    const port = await deadPort();
    const { result } = await run(['--url', `http://127.0.0.1:${port}/`]);
    expect(result.errors.map((e) => e.message)).toEqual([`connection refused: nothing is listening on 127.0.0.1:${port}`]);
    expect(result.totals.retries).toBe(0);
  });
});
