/**
 * Runs the node:test example (`examples/test-runner/load.node-test.mjs`) the way its users do,
 * `node --test`, and expects it to pass. It imports the built package, so `dist/` must exist.
 */

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

it('passes under node --test', async () => {
  const child = spawn(process.execPath, ['--test', 'examples/test-runner/load.node-test.mjs'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(output).toMatch(/# pass 6\b/);
  expect(output).toMatch(/# todo 1\b/);
  expect(output).toMatch(/# fail 0\b/);
  expect(code).toBe(0);
}, 60_000);
