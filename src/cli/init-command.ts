/**
 * `volley init [dir]`: scaffolds a load-testing project that runs as generated: a scenario for
 * the URL given (or the demo service), `volley.config.json` with a CI profile, a benchmark, a
 * GitHub Actions workflow, and a package.json and tsconfig.json where the folder has none.
 * Existing files are kept unless `--force` (package.json and tsconfig.json are never replaced).
 */

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { VolleyError } from '../errors.js';
import { BENCH_PATH, runCommand, scaffoldFiles } from './init/scaffold-files.js';
import { scaffoldTarget } from './init/scaffold-target.js';
import { EXIT_PASSED } from './exit-codes.js';

interface InitFlags {
  url?: string;
  force?: boolean;
}

export function registerInitCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('init')
    .description('scaffold a load-testing project: a scenario, a config with profiles, a benchmark and a CI workflow')
    .argument('[dir]', 'the project folder (created if missing)', '.')
    .option('--url <url>', "the service to test (its origin is the scenario's host); default: volley's demo service")
    .option('--force', 'replace files the folder already has (never package.json or tsconfig.json)')
    .action((dir: string, flags: InitFlags) => {
      setExitCode(init(dir, flags));
    });
}

function init(dir: string, flags: InitFlags): number {
  const target = scaffoldTarget(flags.url);
  const root = resolve(dir);
  if (existsSync(root) && !isFolder(root)) throw new VolleyError('VOLLEY_E_USAGE', `volley init ${dir}: is a file, not a folder`);
  const written: string[] = [];
  const kept: string[] = [];
  for (const file of scaffoldFiles(target, projectName(root))) {
    const path = join(root, file.path);
    if (existsSync(path) && (file.onlyIfMissing === true || flags.force !== true)) {
      kept.push(file.path);
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
    written.push(file.path);
  }
  const out = process.stdout;
  out.write(`Scaffolded ${root}\n${written.map((path) => `  created ${path}\n`).join('')}`);
  if (kept.length > 0)
    out.write(`${kept.map((path) => `  kept    ${path} (exists${path.endsWith('.json') && path !== 'volley.config.json' ? '' : '; --force replaces it'})\n`).join('')}`);
  out.write(`\nNext:\n  ${runCommand(target)}\n  ${runCommand(target, ' --profile ci')}\n  npx volley bench ${BENCH_PATH}\n`);
  return EXIT_PASSED;
}

function isFolder(path: string): boolean {
  try {
    mkdirSync(path, { recursive: true });
    return true;
  } catch {
    return false;
  }
}

/** A package name from the folder's name: lower case, npm's allowed characters only. */
function projectName(root: string): string {
  const name = basename(root).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+/, '');
  return `${name === '' ? 'service' : name}-load-tests`;
}
