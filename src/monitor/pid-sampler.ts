/**
 * Samples another process on this machine, such as the service under test, from Linux's
 * `/proc/<pid>`: CPU time from `stat` (fields 14 and 15, utime + stime) and resident memory from
 * `status` (`VmRSS`). Another process's heap and event loop cannot be seen from outside, so
 * those read NaN (the `ProcessSampler` convention; NaN becomes null in JSON).
 *
 * CPU times in `/proc` are in clock ticks of USER_HZ, which Linux fixes at 100 per second for
 * userspace on every mainstream architecture (`getconf CLK_TCK`); Node has no API for it, so
 * 100 is assumed and can be overridden. One tick is 10 ms, so with 100 ms samples a process's
 * CPU reads in steps of 10% per sample; means over a run are exact.
 *
 * A process can exit mid-run. Then reading fails (or the process is a zombie, state Z/X), and
 * the sampler stops touching `/proc`: it keeps its last values and records when it noticed, so
 * `PidMonitor` can cut the samples there and say so, rather than crash the run.
 */

import { existsSync, readFileSync } from 'node:fs';
import { isOutOfFiles } from './out-of-files.js';
import { VolleyError } from '../errors.js';
import type { ProcessReading, ProcessSampler } from './process-sampler.js';

export const USER_HZ = 100;
const MICROS_PER_SECOND = 1_000_000;
const UTIME_FIELD = 14;
const STIME_FIELD = 15;
/** Fields after `pid (comm)` start at field 3 (the state). */
const FIRST_FIELD_AFTER_COMM = 3;

export interface PidSamplerOptions {
  /** Clock ticks per second of `/proc` CPU times (default 100, Linux's USER_HZ). */
  ticksPerSecond?: number;
  /** Where procfs is mounted (default `/proc`); tests point it at a fake tree. */
  procRoot?: string;
}

export interface ProcStat {
  command: string;
  /** One letter: R running, S sleeping, Z zombie, X dead, … */
  state: string;
  /** utime + stime, clock ticks. */
  cpuTicks: number;
}

/**
 * Parses `/proc/<pid>/stat`. The command name is in parentheses and may itself contain spaces
 * and parentheses, so the fields are counted from the last `)`.
 */
export function parseProcStat(text: string): ProcStat | undefined {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open === -1 || close < open) return undefined;
  const fields = text
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  const utime = Number(fields[UTIME_FIELD - FIRST_FIELD_AFTER_COMM]);
  const stime = Number(fields[STIME_FIELD - FIRST_FIELD_AFTER_COMM]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) return undefined;
  return { command: text.slice(open + 1, close), state: fields[0] ?? '?', cpuTicks: utime + stime };
}

/** `VmRSS:    12345 kB` from `/proc/<pid>/status`, in bytes; 0 when absent (kernel threads). */
export function parseVmRss(text: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(text);
  return match === null ? 0 : Number(match[1]) * 1024;
}

/** Throws a usage error unless `/proc` can be read here. */
export function assertProcAvailable(procRoot = '/proc', flag = '--monitor-pid'): void {
  if (process.platform !== 'linux' || !existsSync(`${procRoot}/self/stat`)) {
    throw new VolleyError(
      'VOLLEY_E_USAGE',
      `${flag} needs /proc (Linux); this system (${process.platform}) has none to read another process from`,
    );
  }
}

export class PidSampler implements ProcessSampler {
  readonly pid: number;
  readonly #microsPerTick: number;
  readonly #statPath: string;
  readonly #statusPath: string;
  #command = '';
  #exited = false;
  #goodReads = 0;

  constructor(pid: number, options: PidSamplerOptions = {}) {
    const ticks = options.ticksPerSecond ?? USER_HZ;
    if (!Number.isInteger(pid) || pid <= 0)
      throw new RangeError(`pid must be a positive integer, got ${pid}`);
    if (!(ticks > 0)) throw new RangeError(`ticksPerSecond must be above 0, got ${ticks}`);
    this.pid = pid;
    this.#microsPerTick = MICROS_PER_SECOND / ticks;
    const root = options.procRoot ?? '/proc';
    this.#statPath = `${root}/${pid}/stat`;
    this.#statusPath = `${root}/${pid}/status`;
  }

  /** The process's command name (from `stat`), once it has been read. */
  get command(): string {
    return this.#command;
  }

  /** Whether the process was gone (or a zombie) at some read. */
  get exited(): boolean {
    return this.#exited;
  }

  /** Reads that found the process alive; the monitor's baseline read is the first. */
  get goodReads(): number {
    return this.#goodReads;
  }

  start(): void {}

  read(into: ProcessReading): void {
    into.heapUsedBytes = Number.NaN;
    into.eventLoopDelayP99Ms = Number.NaN;
    if (this.#exited) return;
    let stat: ProcStat | undefined;
    let rss = 0;
    try {
      stat = parseProcStat(readFileSync(this.#statPath, 'utf8'));
      rss = parseVmRss(readFileSync(this.#statusPath, 'utf8'));
    } catch (error) {
      // Out of descriptors the process may well be alive: the monitor skips this sample.
      if (isOutOfFiles(error)) throw error;
      stat = undefined;
    }
    if (stat === undefined || stat.state === 'Z' || stat.state === 'X') {
      this.#exited = true;
      return;
    }
    this.#command = stat.command;
    into.cpuMicros = stat.cpuTicks * this.#microsPerTick;
    into.rssBytes = rss;
    this.#goodReads++;
  }

  stop(): void {}
}
