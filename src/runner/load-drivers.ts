/**
 * Chooses and builds the run's LoadDriver: the engines in this process, or workers (threads on
 * this machine, or remote workers behind a coordinator) each running a segment of the load.
 */

import type { ScenarioSource } from '../cluster/protocol.js';
import { workerThreads } from '../cluster/thread-pool.js';
import { type WorkerBundle, writeWorkerBundle } from '../cluster/worker-bundle.js';
import { WorkersDriver } from '../cluster/workers-driver.js';
import type { Clock } from '../core/clock.js';
import type { LoadDriver } from '../engine/load-driver.js';
import type { LocalDriver } from '../engine/local-driver.js';
import { WHOLE } from '../engine/segment.js';
import { peakUsers } from '../engine/executors/load-plan.js';
import { VolleyError } from '../errors.js';
import { IntervalRecorder } from '../metrics/interval-recorder.js';
import { type RunPlan, plannedShape } from './run-plan.js';
import type { RunRequest } from './start-run.js';

export interface DriverContext {
  request: RunRequest;
  plan: RunPlan;
  /** What setup() returned. */
  data: unknown;
  clock: Clock;
  /** The shared time origin (epoch ms) workers start from. */
  originMs: number;
  /** Milliseconds since the run's time origin, for the local recorder. */
  sinceOrigin: () => number;
  /** A phase began; the local engines' previous interval must close first (closeInterval). */
  onPhase: (label: string, users: number | undefined) => void;
  closeInterval: () => void;
  /** Every worker is ready and told to start: the load's time zero. */
  onWorkersStarted: () => void;
  /** Something the result should say about how the run was carried out. */
  warn: (text: string) => void;
}

export interface ChosenDriver {
  driver: LoadDriver;
  /** The workers the load is split over (1: this process). */
  workers: number;
  /** The bundle threads import, removed when the run ends. */
  bundle: WorkerBundle | null;
}

export async function chooseDriver(context: DriverContext): Promise<ChosenDriver> {
  const { request, plan } = context;
  const workers = request.transport?.size ?? (request.source === undefined ? 1 : threadsFor(plan));
  if (plan.options.workers > 1 && request.source === undefined && plan.explicit.has('workers')) {
    context.warn('--workers needs a scenario file or --url; this run used one process.');
  }
  if (workers <= 1 && request.transport === undefined) {
    return { driver: await localDriver(context), workers, bundle: null };
  }
  if (workers > 1) assertCloneable(context.data, plan.origin);
  // Threads import a bundle written for them; remote workers get the code itself.
  const bundle =
    workers > 1 && request.transport === undefined && request.source !== undefined
      ? await writeWorkerBundle(request.source, async (file) => (await import('./scenario-file.js')).bundleStandalone(file))
      : null;
  return { driver: workersDriver(context, workers, bundle), workers, bundle };
}

/**
 * Worker threads for a run on this machine: as asked, except that the default (`auto`, one per
 * core) is cut to the users there are to share, so a run of one user starts no second thread.
 */
function threadsFor(plan: RunPlan): number {
  if (plan.explicit.has('workers')) return plan.options.workers;
  const users = plan.units.reduce((sum, unit) => sum + peakUsers(unit.load.plan), 0);
  return Math.max(1, Math.min(plan.options.workers, users));
}

/** The engines in this process; imported here, so a run on workers never loads them (nor the protocols). */
async function localDriver(context: DriverContext): Promise<LocalDriver> {
  const { plan } = context;
  const { LocalDriver } = await import('../engine/local-driver.js');
  return new LocalDriver({
    units: plan.units,
    recorder: new IntervalRecorder({
      redact: !plan.options.showSecrets,
      slowest: plan.options.slowest ?? undefined,
      now: context.sinceOrigin,
    }),
    data: context.data,
    options: plan.options,
    segment: WHOLE,
    discardBodies: context.request.discardBodies === true,
    clock: context.clock,
    onPhase: (label, users) => {
      // Close the previous phase's interval now, so each phase's stats are its own.
      context.closeInterval();
      context.onPhase(label, users);
    },
  });
}

function workersDriver(context: DriverContext, workers: number, bundle: WorkerBundle | null): WorkersDriver {
  const { request, plan } = context;
  return new WorkersDriver({
    transport: request.transport ?? workerThreads(workers),
    source: bundle?.source ?? (request.source as ScenarioSource),
    options: plan.options,
    explicit: plan.explicit,
    profiles: request.profiles ?? {},
    data: context.data,
    originMs: context.originMs,
    tickMs: plan.tickMs,
    discardBodies: request.discardBodies === true,
    ...plannedShape(plan.units, plan.options.seed),
    onPhase: context.onPhase,
    failOnWorkerLoss: request.failOnWorkerLoss === true,
    // The run's length counts from when the workers start, not from when their threads (or
    // machines) began loading the scenario.
    onStarted: context.onWorkersStarted,
  });
}

/** setup() data goes to every worker: it must survive structured cloning (no functions, sockets…). */
function assertCloneable(data: unknown, origin: string): void {
  try {
    structuredClone(data);
  } catch (error) {
    throw new VolleyError(
      'VOLLEY_E_SCENARIO',
      `${origin}: setup() returned a value that cannot be sent to worker threads ` +
        `(${(error as Error).message}); return plain data (objects, arrays, strings, numbers), or run with --workers 1`,
    );
  }
}
