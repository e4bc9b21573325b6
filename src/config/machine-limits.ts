/**
 * Loads this machine cannot hold, refused before they start. Every virtual user holds at least
 * one socket while its request is in flight, and its state (the user, its HTTP client, its
 * buffers) lives in the JS heap; a run with more users than file descriptors or heap allow did
 * not fail cleanly: it died in V8 ("Map maximum size exceeded", out of heap) after minutes, with
 * no results. The figures here are conservative, so a run refused is one that could not work.
 */

import { readFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { VolleyError } from '../errors.js';

/** A conservative heap cost of one virtual user: its object, HTTP client, parsers and buffers. */
export const BYTES_PER_USER = 32 * 1024;

/** Descriptors kept for everything but the users' sockets (stdio, files, workers, the UI). */
export const RESERVED_FDS = 64;

export interface MachineCapacity {
  /** The process's soft limit on open files (`ulimit -n`), or null where it cannot be read. */
  fdLimit: number | null;
  /** The JS heap's limit, bytes. */
  heapLimitBytes: number;
}

/** This process's limits: /proc/self/limits (Linux) and V8's heap limit. */
export function machineCapacity(): MachineCapacity {
  return { fdLimit: readFdLimit(), heapLimitBytes: getHeapStatistics().heap_size_limit };
}

function readFdLimit(): number | null {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const soft = line?.slice('Max open files'.length).trim().split(/\s+/)[0];
    return soft === undefined || soft === 'unlimited' ? null : Number(soft);
  } catch {
    return null;
  }
}

/**
 * Throws a VolleyError (exit 2) when `users` (the most the load may run at once, in this
 * process and its worker threads) cannot fit; `what` says where the number comes from.
 */
export function checkUsersFit(users: number, what: string, capacity: MachineCapacity): void {
  const format = (n: number): string => Math.floor(n).toLocaleString('en-US');
  const byMemory = capacity.heapLimitBytes / BYTES_PER_USER;
  if (users > byMemory) {
    throw new VolleyError(
      'VOLLEY_E_USAGE',
      `${what}: ${format(users)} users cannot fit in memory here: the JS heap (${format(capacity.heapLimitBytes / 2 ** 20)} MB) ` +
        `holds about ${format(byMemory)} users at ${BYTES_PER_USER / 1024} KB each. Use fewer users, or spread the load over ` +
        'machines (volley run --coordinator and volley worker).',
    );
  }
  if (capacity.fdLimit !== null && users > capacity.fdLimit - RESERVED_FDS) {
    throw new VolleyError(
      'VOLLEY_E_USAGE',
      `${what}: ${format(users)} users need at least one socket each, and this process may open ${format(capacity.fdLimit)} ` +
        `files (ulimit -n), so at most ${format(Math.max(0, capacity.fdLimit - RESERVED_FDS))} users. Raise the limit ` +
        `(ulimit -n ${format(users + RESERVED_FDS).replace(/,/g, '')}, or higher) or use fewer users.`,
    );
  }
}

/** The warning of a run whose requests failed with EMFILE/ENFILE (counted as failed requests). */
export function outOfFilesWarning(fdLimit: number | null): string {
  const limit = fdLimit === null ? '' : ` (this process may open ${fdLimit.toLocaleString('en-US')} files)`;
  return (
    `Requests failed for lack of file descriptors${limit}: they are counted as failures (EMFILE). ` +
    'Raise the limit with ulimit -n (e.g. ulimit -n 65536) before the run, or use fewer users or connections.'
  );
}
