// The peers volley is measured beside: autocannon 9.0.0 and wrk. Each is taken from where it
// already is (the repo's node_modules for autocannon, PATH for wrk), else installed into a
// temporary folder kept between runs: autocannon with `npm install --prefix`, wrk from Debian
// with `apt-get download` and `dpkg -x` (no root, nothing installed system-wide; its LuaJIT
// library comes the same way when the system lacks it).
//
//   node bench/peers.mjs     # finds or installs both, prints where they are
//   BENCH_PEERS_INSTALL=1 …  # autocannon from the temporary folder even when the repo has it
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { has } from './lib/process.mjs';

const AUTOCANNON_VERSION = '9.0.0';
const PEERS_DIR = process.env.BENCH_PEERS_DIR ?? join(tmpdir(), 'volley-bench-peers');

/** The autocannon CLI script (`node <path> …`). */
export function autocannonBin() {
  const require = createRequire(import.meta.url);
  try {
    if (process.env.BENCH_PEERS_INSTALL === '1') throw new Error('asked to install');
    const manifest = require.resolve('autocannon/package.json');
    if (require(manifest).version === AUTOCANNON_VERSION) return join(dirname(manifest), 'autocannon.js');
  } catch {
    // not in the repo's node_modules: install it below
  }
  const installed = join(PEERS_DIR, 'node_modules', 'autocannon', 'autocannon.js');
  if (!existsSync(installed)) {
    mkdirSync(PEERS_DIR, { recursive: true });
    process.stderr.write(`  installing autocannon@${AUTOCANNON_VERSION} into ${PEERS_DIR}\n`);
    execFileSync('npm', ['install', '--prefix', PEERS_DIR, '--no-audit', '--no-fund', `autocannon@${AUTOCANNON_VERSION}`], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  return installed;
}

/** wrk as `{ cmd, env }`, or null when it is neither on PATH nor installable. */
export function wrkBin() {
  if (has('wrk')) return { cmd: 'wrk', env: {} };
  const root = join(PEERS_DIR, 'wrk-root');
  const cmd = join(root, 'usr', 'bin', 'wrk');
  const libs = join(root, 'usr', 'lib', 'x86_64-linux-gnu');
  if (!existsSync(cmd)) {
    try {
      mkdirSync(root, { recursive: true });
      const debs = join(PEERS_DIR, 'debs');
      mkdirSync(debs, { recursive: true });
      process.stderr.write(`  installing wrk (apt-get download + dpkg -x) into ${root}\n`);
      const packages = ['wrk', ...(hasLibrary('libluajit') ? [] : ['libluajit2-5.1-2'])];
      execFileSync('apt-get', ['download', ...packages], { cwd: debs, stdio: ['ignore', 'ignore', 'inherit'] });
      for (const deb of readdirSync(debs).filter((f) => f.endsWith('.deb'))) {
        execFileSync('dpkg', ['-x', join(debs, deb), root]);
      }
    } catch (error) {
      process.stderr.write(`  wrk: could not install (${error.message.split('\n')[0]}); its cells are skipped\n`);
      return null;
    }
  }
  return existsSync(cmd) ? { cmd, env: { LD_LIBRARY_PATH: libs } } : null;
}

function hasLibrary(name) {
  try {
    return execFileSync('ldconfig', ['-p'], { encoding: 'utf8' }).includes(name);
  } catch {
    return false;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(`autocannon: ${autocannonBin()}\nwrk: ${JSON.stringify(wrkBin())}\n`);
}
