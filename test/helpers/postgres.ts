/**
 * A throwaway PostgreSQL for tests: a cluster made by initdb in a temporary folder, started with
 * pg_ctl on a free loopback port (127.0.0.1 only, its unix socket inside the folder, trust
 * authentication), one database created in it, and everything stopped and removed afterwards.
 *
 * The server's binaries are Debian's (`/usr/lib/postgresql/<version>/bin`, the newest version
 * found); `.ci/run` installs the `postgresql` package when it is missing. initdb refuses to run
 * as root, so as root the cluster belongs to the `postgres` user and every server command runs
 * through `runuser -u postgres --`.
 *
 * Without PostgreSQL the tests that need it fail with a message that says how to install it;
 * a developer machine may set VOLLEY_SKIP_POSTGRES=1 to skip them instead, with the reason shown.
 */

import { execFile as execFileCallback, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFile = promisify(execFileCallback);
const POSTGRES_ROOT = '/usr/lib/postgresql';
const DATABASE = 'volley';
const SUPERUSER = 'postgres';
const SKIP_VARIABLE = 'VOLLEY_SKIP_POSTGRES';

export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:<port>/volley`: trust authentication, no password. */
  readonly url: string;
  readonly port: number;
  /** Stops the server and removes its folder; safe to call twice. */
  stop(): Promise<void>;
}

/** The newest installed server's bin folder (`/usr/lib/postgresql/15/bin`), or undefined. */
export function findPostgresBin(): string | undefined {
  if (!existsSync(POSTGRES_ROOT)) return undefined;
  const versions = readdirSync(POSTGRES_ROOT)
    .filter((name) => /^\d+(\.\d+)?$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = join(POSTGRES_ROOT, version, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  return undefined;
}

const NOT_INSTALLED =
  `PostgreSQL is not installed (no ${POSTGRES_ROOT}/<version>/bin/initdb): ` +
  `install Debian's package (\`apt-get install postgresql\`; .ci/run does it in CI), ` +
  `or set ${SKIP_VARIABLE}=1 to skip the tests that need it`;

/**
 * Why the PostgreSQL tests skip, or undefined when they run. They skip only when PostgreSQL is
 * missing and VOLLEY_SKIP_POSTGRES=1 says so; missing without it, startPostgres() fails them.
 */
export function postgresSkipReason(): string | undefined {
  if (findPostgresBin() !== undefined || process.env[SKIP_VARIABLE] !== '1') return undefined;
  const reason = `PostgreSQL is not installed and ${SKIP_VARIABLE}=1`;
  console.warn(`skipping the PostgreSQL tests: ${reason}`);
  return reason;
}

/** A port on 127.0.0.1 that was free a moment ago. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a server binary as the cluster's owner: `postgres` when we are root, else ourselves. */
function asOwner(bin: string, command: string, args: string[]): [string, string[]] {
  const path = join(bin, command);
  return process.getuid?.() === 0 ? ['runuser', ['-u', SUPERUSER, '--', path, ...args]] : [path, args];
}

async function run(bin: string, command: string, args: string[], logFile?: string): Promise<void> {
  const [file, argv] = asOwner(bin, command, args);
  try {
    await execFile(file, argv, { timeout: 60_000 });
  } catch (error) {
    const log = logFile !== undefined && existsSync(logFile) ? `\n${readFileSync(logFile, 'utf8')}` : '';
    throw new Error(`${command} failed: ${(error as Error).message}${log}`);
  }
}

/** Hands the folder to the `postgres` user when we are root (initdb will not run as root). */
function ownFolder(folder: string): void {
  if (process.getuid?.() !== 0) return;
  const uid = Number(execFileSync('id', ['-u', SUPERUSER], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', SUPERUSER], { encoding: 'utf8' }).trim());
  for (const path of [folder, join(folder, 'socket')]) chownSync(path, uid, gid);
}

/** Starts a fresh cluster with a database `volley`; the caller must stop() it. */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = findPostgresBin();
  if (bin === undefined) throw new Error(NOT_INSTALLED);
  const folder = mkdtempSync(join(tmpdir(), 'volley-postgres-'));
  const data = join(folder, 'data');
  const socket = join(folder, 'socket');
  const log = join(folder, 'server.log');
  mkdirSync(socket);
  ownFolder(folder);
  let started = false;
  const stop = async (): Promise<void> => {
    process.off('exit', stopNow);
    if (started) {
      started = false;
      await run(bin, 'pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w']).catch(() => undefined);
    }
    rmSync(folder, { recursive: true, force: true });
  };
  // A test run that dies before afterAll still leaves no server behind.
  const stopNow = (): void => {
    if (!started) return;
    const [file, argv] = asOwner(bin, 'pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w']);
    try {
      execFileSync(file, argv, { stdio: 'ignore', timeout: 10_000 });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  };
  process.on('exit', stopNow);
  try {
    await run(bin, 'initdb', ['-D', data, '-U', SUPERUSER, '-A', 'trust', '-E', 'UTF8', '--no-sync']);
    const port = await freePort();
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${socket} -c fsync=off -c max_connections=200`;
    await run(bin, 'pg_ctl', ['start', '-D', data, '-l', log, '-w', '-t', '30', '-o', options], log);
    started = true;
    await run(bin, 'createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', SUPERUSER, DATABASE]);
    return { url: `postgres://${SUPERUSER}@127.0.0.1:${port}/${DATABASE}`, port, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
