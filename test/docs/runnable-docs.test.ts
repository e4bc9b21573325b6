/**
 * Every shell and TypeScript block of the README and docs/ is either run here or says why it
 * cannot be. Runnable blocks run in order, one temporary folder per page, against a demo service
 * started here on a free port: `127.0.0.1:8000` is rewritten to it, `npx volley` to the built
 * CLI, and a TypeScript block is written under the path its first line names (`// load/shop.ts`).
 * The pages keep their durations short as written, so the whole file stays well under a minute.
 */

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../src/demo/index.js';
import { CLI, tempDir } from '../helpers/cli.js';
import { CHECKED_LANGUAGES, type DocBlock, namedPath, readDocBlocks } from './doc-blocks.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PAGES = [
  'README.md',
  'examples/README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`),
];
const TS_LANGUAGES = new Set(['ts', 'typescript', 'js', 'javascript']);
/** A block that runs longer than this is stuck (the pages' runs last a few seconds). */
const BLOCK_TIMEOUT_MS = 45_000;

let demo: DemoServer;
const folders: string[] = [];
beforeAll(async () => {
  demo = await startDemoServer();
});
afterAll(async () => {
  await demo.close();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function blocksOf(page: string): DocBlock[] {
  return readDocBlocks(readFileSync(join(ROOT, page), 'utf8'));
}

function localize(text: string): string {
  return text.replaceAll('127.0.0.1:8000', `127.0.0.1:${demo.port}`);
}

/** The environment without the caller's VOLLEY_* settings, which would change what runs. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { NO_COLOR: '1' };
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('VOLLEY_')) env[name] = value;
  return env;
}

interface ShellResult {
  code: number | null;
  output: string;
}

function runShell(script: string, cwd: string): Promise<ShellResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-e', '-c', script], { cwd, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), BLOCK_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe.each(PAGES)('%s', (page) => {
  const blocks = blocksOf(page);

  it('marks every shell and TypeScript block runnable or not-runnable (with a reason)', () => {
    const unmarked = blocks
      .filter((b) => CHECKED_LANGUAGES.has(b.language) && b.marker.kind !== 'runnable' && b.marker.kind !== 'not-runnable')
      .map((b) => `${page}:${b.line} (${b.language}): ${b.marker.kind === 'invalid' ? `bad marker '${b.marker.text}'` : 'no marker'}`);
    expect(unmarked).toEqual([]);
  });

  it('links only to files that exist', () => {
    const text = readFileSync(join(ROOT, page), 'utf8');
    const targets = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
      .map((match) => match[1] as string)
      .filter((target) => !/^[a-z]+:/.test(target));
    const missing = targets.filter((target) => !existsSync(join(ROOT, dirname(page), target)));
    expect(missing).toEqual([]);
  });

  const runnable = blocks.filter((b) => b.marker.kind === 'runnable');
  if (runnable.length === 0) return;
  const dir = tempDir();
  folders.push(dir);

  it.each(runnable.map((block) => [block.line, block] as const))(`${page}:%i runs`, async (_line, block) => {
    const marker = block.marker as { kind: 'runnable'; exitCodes: readonly number[] };
    if (TS_LANGUAGES.has(block.language)) {
      const path = namedPath(block.code);
      expect(path, `${page}:${block.line}: a runnable TypeScript block names its file on its first line`).toBeDefined();
      const file = join(dir, path as string);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, localize(block.code));
      return;
    }
    const script = localize(block.code).replaceAll('npx volley', `node "${CLI}"`);
    const result = await runShell(script, dir);
    expect(marker.exitCodes, `${page}:${block.line} exited ${result.code}:\n${result.output}`).toContain(result.code);
  });
});
