/**
 * Thresholds that match no request because the run was narrowed (--tags) are set aside with a
 * note; without narrowing, a threshold that matches nothing still fails, as a likely typo.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/metrics/result.js';
import { runCli, tempDir, writeScenario } from '../helpers/cli.js';
import { type LoopbackServer, startServer } from '../helpers/loopback-server.js';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startServer((_req, res) => res.end('ok'));
});
afterAll(async () => {
  await server.close();
});

const SHOP = `import { defineScenario, defineUser } from 'volley';
export const Shopper = defineUser({
  tasks: [
    { name: 'health', tags: ['smoke'], run: ({ http }) => http.get('/health') },
    { name: 'browse', run: ({ http }) => http.get('/api/items') },
  ],
});
export default defineScenario({
  users: [Shopper],
  load: { iterations: 20 },
  thresholds: ['name=/api/items:p95<10s', 'successRate>=99%'],
});`;

describe('thresholds and --tags', () => {
  it('sets aside a threshold only untagged tasks could meet, and passes', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'shop.ts', SHOP);
    const json = join(dir, 'result.json');
    const run = await runCli(['run', file, '-H', server.url, '--tags', 'smoke', '--json', json]);
    expect(run.code).toBe(0);
    const result = JSON.parse(readFileSync(json, 'utf8')) as Result;
    expect(result.thresholds.map((t) => t.expression)).toEqual(['successRate>=99%']);
    expect(result.warnings.join('\n')).toContain(
      'Not judged, they matched no request once the run was narrowed by --tags smoke: name=/api/items:p95<10s.',
    );
    expect(run.stdout).toContain('name=/api/items:p95<10s');
  });

  it('still fails a threshold that matches nothing in a run nothing narrowed, hinting at a typo', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'shop.ts', SHOP.replace('name=/api/items', 'name=/api/itemz'));
    const run = await runCli(['run', file, '-H', server.url]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('no requests matched name=/api/itemz (a typo in the selector?)');
  });
});
