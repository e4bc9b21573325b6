/**
 * The built CLI caches a scenario's bundle between runs: the second run of an unchanged file does
 * not even load esbuild (a module hook that refuses to resolve it lets the run pass only then).
 */

import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, writeScenario } from '../helpers/cli.js';
import { type LoopbackServer, startServer } from '../helpers/loopback-server.js';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startServer((_req, res) => res.end('ok'));
});
afterAll(() => server.close());

/** Refuses `import('esbuild')` in the volley process it is preloaded into (NODE_OPTIONS=--import). */
const BLOCK_ESBUILD = `
import { register } from 'node:module';
const hook = 'export async function resolve(specifier, context, next) {' +
  ' if (specifier === "esbuild") throw new Error("esbuild was loaded"); return next(specifier, context); }';
register('data:text/javascript,' + encodeURIComponent(hook));
`;

describe('the scenario bundle cache', () => {
  it('runs an unchanged scenario a second time without esbuild, and bundles an edited one again', async () => {
    const dir = tempDir();
    const cache = join(dir, 'cache');
    writeScenario(dir, 'paths.ts', `export const HOME: string = '/home';\n`);
    const file = writeScenario(
      dir,
      'load.ts',
      `import { constant, defineScenario, defineUser } from 'volley';
import { HOME } from './paths.js';
const Visitor = defineUser({ wait: constant('50ms'), tasks: [{ run: ({ http }) => http.get(HOME) }] });
export default defineScenario({ users: [Visitor], load: { users: 1, iterations: 3 } });
`,
    );
    const blocker = join(dir, 'block-esbuild.mjs');
    writeFileSync(blocker, BLOCK_ESBUILD);
    const args = ['run', file, '-H', server.url, '-q', '--workers', '1', '--json', join(dir, 'result.json')];
    const noEsbuild = { NODE_OPTIONS: `--import=${pathToFileURL(blocker).href}` };

    const first = await runCli(args, { env: { XDG_CACHE_HOME: cache } });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(readdirSync(join(cache, 'volley'))).toHaveLength(1);

    const second = await runCli(args, { env: { XDG_CACHE_HOME: cache, ...noEsbuild } });
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(server.hits.get('/home')).toBe(6);

    // The hook does refuse esbuild: without the cache, the same run cannot bundle.
    const uncached = await runCli(args, { env: { XDG_CACHE_HOME: cache, VOLLEY_NO_CACHE: '1', ...noEsbuild } });
    expect(uncached.code).not.toBe(0);
    expect(uncached.stderr).toContain('esbuild was loaded');

    // An edited local module is bundled again (with esbuild), and then cached in turn.
    writeScenario(dir, 'paths.ts', `export const HOME: string = '/away';\n`);
    const edited = await runCli(args, { env: { XDG_CACHE_HOME: cache } });
    expect(edited.code).toBe(0);
    expect(server.hits.get('/away')).toBe(3);
    const again = await runCli(args, { env: { XDG_CACHE_HOME: cache, ...noEsbuild } });
    expect(again.code).toBe(0);
    expect(server.hits.get('/away')).toBe(6);
  });
});
