/**
 * The messages between the run's coordinator and its workers (threads now; remote machines use
 * the same messages). Versioned and typed as discriminated unions, so both ends switch
 * exhaustively and a worker of another version is refused rather than misread.
 */

import type { ExecutionSegment } from '../engine/segment.js';
import type { Snapshot } from '../metrics/snapshot.js';

export const PROTOCOL_VERSION = 3;

/** Marks where a standalone bundle imports volley; each remote worker puts its own install there. */
export const VOLLEY_ENTRY_PLACEHOLDER = '__VOLLEY_ENTRY__';

/** How a worker obtains the scenario: the coordinator's bundle, or URL mode's parameters. */
export type ScenarioSource =
  | { kind: 'bundle'; file: string; code: string }
  | { kind: 'url'; url: string; method: string; body: string | undefined; headers: string[] };

export interface WorkerAssignment {
  version: typeof PROTOCOL_VERSION;
  worker: number;
  segment: ExecutionSegment;
  source: ScenarioSource;
  /** The resolved run options and which of them were set explicitly. */
  options: Record<string, unknown>;
  explicit: string[];
  profiles: Record<string, unknown>;
  /** What setup() returned in the coordinator (structured-cloned). */
  data: unknown;
  /** The shared time origin: `performance.timeOrigin + performance.now()` at the run's start. */
  originMs: number;
  tickMs: number;
  discardBodies: boolean;
}

export type ToWorker =
  | { type: 'stop' }
  | { type: 'kill' }
  /** A new number of users for the whole load (the web UI's Edit): each worker ramps its share. */
  | { type: 'load'; users: number; spawnRate: number }
  /** Remote workers: your share of the run (sent once every expected worker has joined). */
  | { type: 'assign'; assignment: WorkerAssignment }
  /** Remote workers: everyone is ready; start now (each worker's time origin is this moment). */
  | { type: 'start' }
  /** Remote workers: the coordinator will not take this worker, and why. */
  | { type: 'refused'; reason: string };

export type FromWorker =
  /** Remote workers, first message: who they are and their credentials (none when not asked for). */
  | { type: 'hello'; version: number; token?: string; host: string }
  /** The scenario is loaded and the engines built: ready to start. */
  | { type: 'ready' }
  /** A tick's stats, and the worker's event-loop delay p99 over it (its saturation, in ms). */
  | { type: 'snapshot'; snapshot: Snapshot; loopDelayP99Ms: number }
  | { type: 'phase'; label: string; users: number | null }
  | { type: 'done'; reason: string; killed: boolean }
  | { type: 'failed'; message: string; code: string | null };
