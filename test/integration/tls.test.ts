/**
 * `volley run` against an HTTPS target with a self-signed certificate: counted as failed requests
 * with a message that says what to do, and accepted with --insecure.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../../src/metrics/result.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { startTlsServer, type TlsServer } from '../helpers/tls-server.js';

let server: TlsServer;
beforeAll(async () => {
  server = await startTlsServer((_req, res) => res.end('ok'));
});
afterAll(() => server.close());

describe('HTTPS targets', () => {
  it('counts an untrusted certificate as failed requests, naming --insecure', async () => {
    const json = join(tempDir(), 'result.json');
    const cli = await runCli(['run', '--url', `${server.url}/`, '-u', '1', '--iterations', '3', '--json', json, '-q']);
    expect(cli.code).toBe(1);
    const result = JSON.parse(readFileSync(json, 'utf8')) as Result;
    expect(result.errors.map((e) => [e.message, e.count])).toEqual([
      ["self-signed certificate: the target's TLS certificate is not trusted (--insecure accepts it on a test system)", 3],
    ]);
  });

  it('--insecure accepts it', async () => {
    const cli = await runCli(['run', '--url', `${server.url}/`, '-u', '1', '--iterations', '3', '--insecure', '-q']);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain('200 ×3');
  });
});
