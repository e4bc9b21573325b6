/**
 * Watches other processes by pid (`--monitor-pid`) during a run, one `ProcessMonitor` with a
 * `PidSampler` each, so a target's CPU and memory sit beside the generator's in the report.
 *
 * Pids are checked before anything runs (every problem in one usage error). A process that exits
 * during the run does not crash it: its sampler stops at the first failed read, and `stop()`
 * keeps only the samples taken while it was alive, with a note saying when it went.
 */

import { existsSync } from 'node:fs';
import { VolleyError } from '../errors.js';
import { assertProcAvailable, PidSampler, type PidSamplerOptions } from './pid-sampler.js';
import { ProcessMonitor } from './process-monitor.js';
import type { MonitorSample } from '../metrics/result.js';

export interface PidMonitorOptions extends PidSamplerOptions {
  /** Time between samples, ms (default 1000). */
  intervalMs?: number;
  /** Monotonic clock in milliseconds (default `performance.now`). */
  now?: () => number;
}

/** What one watched process did during the run. */
export interface TargetSamples {
  pid: number;
  /** Its command name from `/proc/<pid>/stat` (`node`, `postgres`), '' if never read. */
  command: string;
  samples: MonitorSample[];
  /** Why the series is shorter than the run (the process exited), or null. */
  note: string | null;
}

/**
 * Throws `VOLLEY_E_USAGE` unless `/proc` exists and every pid names a running process. `flag`
 * is how the option is spelled in the message.
 */
export function checkPids(pids: readonly number[], options: { procRoot?: string; flag?: string } = {}): void {
  const root = options.procRoot ?? '/proc';
  const flag = options.flag ?? '--monitor-pid';
  if (pids.length === 0) return;
  assertProcAvailable(root, flag);
  const problems: string[] = [];
  for (const pid of pids) {
    if (!Number.isInteger(pid) || pid <= 0) problems.push(`${flag} ${pid}: expected a positive integer pid`);
    else if (!existsSync(`${root}/${pid}/stat`))
      problems.push(`${flag} ${pid}: no running process has that pid`);
  }
  if (problems.length > 0) {
    throw new VolleyError('VOLLEY_E_USAGE', problems.join('\n'), { details: problems });
  }
}

export class PidMonitor {
  readonly pid: number;
  readonly #sampler: PidSampler;
  readonly #monitor: ProcessMonitor;

  constructor(pid: number, options: PidMonitorOptions = {}) {
    this.pid = pid;
    this.#sampler = new PidSampler(pid, options);
    this.#monitor = new ProcessMonitor({
      sampler: this.#sampler,
      ...(options.intervalMs === undefined ? {} : { intervalMs: options.intervalMs }),
      ...(options.now === undefined ? {} : { now: options.now }),
    });
  }

  start(): void {
    this.#monitor.start();
  }

  stop(): TargetSamples {
    const all = this.#monitor.stop();
    const sampler = this.#sampler;
    if (!sampler.exited) return { pid: this.pid, command: sampler.command, samples: all, note: null };
    // The baseline read is the first good one; each later good read made one sample.
    const samples = all.slice(0, Math.max(0, sampler.goodReads - 1));
    const last = samples[samples.length - 1];
    const when = last === undefined ? 'before its first sample' : `after ${last.t} s`;
    const name = sampler.command === '' ? '' : ` (${sampler.command})`;
    return {
      pid: this.pid,
      command: sampler.command,
      samples,
      note: `process ${this.pid}${name} exited during the run; its samples stop ${when}`,
    };
  }
}

/** A set of pid monitors started together: what `volley run`, `bench` and `stress` call. */
export interface PidMonitorSet {
  stop(): TargetSamples[];
}

/** Checks the pids (see `checkPids`), then starts watching them all. */
export function startPidMonitors(pids: readonly number[], options: PidMonitorOptions = {}): PidMonitorSet {
  checkPids(pids, options.procRoot === undefined ? {} : { procRoot: options.procRoot });
  const monitors = pids.map((pid) => new PidMonitor(pid, options));
  for (const monitor of monitors) monitor.start();
  return { stop: () => monitors.map((monitor) => monitor.stop()) };
}
