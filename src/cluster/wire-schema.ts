/**
 * The wire messages' schemas. A remote worker or coordinator is another machine on the network,
 * so each end checks every frame it receives against these before acting on it: a malformed or
 * hostile frame becomes a refusal of that peer, never a TypeError deep in the run loop. The
 * `satisfies` clauses tie each schema to its type in protocol.ts, so they cannot drift apart.
 */

import { z } from 'zod';
import { CUSTOM_METRIC_KINDS, CUSTOM_METRIC_NAME, MAX_CUSTOM_METRICS } from '../metrics/custom-metric.js';
import { MAX_SLOWEST } from '../metrics/slowest-requests.js';
import { SNAPSHOT_VERSION, type Snapshot } from '../metrics/snapshot.js';
import { type FromWorker, PROTOCOL_VERSION, type ScenarioSource, type ToWorker, type WorkerAssignment } from './protocol.js';

/** Snapshots are the largest frames: a tick's histograms for every endpoint. 16 MiB is ample. */
export const MAX_FRAME_BYTES = 16 * 1024 * 1024;

const count = z.number().int().nonnegative();
const ms = z.number().nonnegative();
const text = z.string().max(64 * 1024);
/** HDR histograms in compressed base64 (empty when the row recorded nothing). */
const histogram = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected a base64 histogram');

/** One of a row's slowest requests (metrics/slowest-requests.ts). */
const slowRequest = z.object({
  latencyMs: ms,
  atMs: ms,
  status: z.number().int().min(0).max(999).optional(),
  failed: z.boolean(),
  error: text.optional(),
  method: text.optional(),
  url: text.optional(),
  headers: z.record(text, text).optional(),
});

const endpointKey = z.object({ scenario: text, user: text, name: text, method: text, group: text.optional(), protocol: text.optional() });

/** A custom metric's interval: declared names and kinds, finite figures (see metrics/custom-metric.ts). */
const customMetric = z.object({
  name: z.string().regex(CUSTOM_METRIC_NAME, 'expected a metric name').max(200),
  kind: z.enum(CUSTOM_METRIC_KINDS),
  unit: z.literal('ms').optional(),
  better: z.enum(['lower', 'higher']).optional(),
  samples: count,
  sum: z.number().finite(),
  min: z.number().finite(),
  max: z.number().finite(),
  last: z.number().finite(),
  lastAtMs: z.number().finite(),
  histogram,
});

export const snapshotSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  worker: count,
  fromMs: ms,
  toMs: ms,
  users: count,
  phase: text.nullable(),
  iterations: count,
  droppedIterations: count,
  retries: count.optional(),
  decoded: z.object({ bodies: count, wireBytes: count, bytes: count }).optional(),
  endpoints: z.array(
    z.object({
      key: endpointKey,
      tags: z.array(text),
      requests: count,
      failures: count,
      bytesIn: count,
      bytesOut: count,
      statusCodes: z.record(z.string().regex(/^\d{1,3}$/, 'expected an HTTP status'), count),
      latency: histogram,
      ttfb: histogram,
      slowest: z.array(slowRequest).max(MAX_SLOWEST).optional(),
    }),
  ),
  errors: z.array(
    z.object({
      key: endpointKey,
      kind: z.enum(['request', 'task']),
      message: text,
      count,
      firstAtMs: ms,
    }),
  ),
  checks: z.array(z.object({ scenario: text, user: text, name: text, passes: count, fails: count })),
  metrics: z.array(customMetric).max(MAX_CUSTOM_METRICS).optional(),
}) satisfies z.ZodType<Snapshot>;

/** Enough of a first message to tell a hello of another protocol version from garbage. */
export const helloHeaderSchema = z.object({ type: z.literal('hello'), version: z.number() });

export const fromWorkerSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('hello'),
    version: z.number(),
    token: z.string().max(4096).optional(),
    // Logged as given: no control characters (no forged log lines, no terminal escapes).
    host: z.string().max(255).regex(/^\P{Cc}*$/u, 'expected a host name'),
  }),
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('snapshot'), snapshot: snapshotSchema, loopDelayP99Ms: ms }),
  z.object({ type: z.literal('phase'), label: text, users: count.nullable() }),
  z.object({ type: z.literal('done'), reason: text, killed: z.boolean() }),
  z.object({ type: z.literal('failed'), message: text, code: text.nullable() }),
]) satisfies z.ZodType<FromWorker>;

const segment = z.object({
  index: count,
  weights: z.array(z.number().int().positive()).min(1),
});

const source = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bundle'), file: z.string(), code: z.string() }),
  z.object({
    kind: z.literal('url'),
    url: z.string(),
    method: z.string(),
    body: z.string().optional(),
    headers: z.array(z.string()),
  }),
  // JSON drops an undefined body: the key comes back as the type has it.
]).transform((value): ScenarioSource => (value.kind === 'url' ? { ...value, body: value.body } : value));

export const toWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('stop') }),
  z.object({ type: z.literal('kill') }),
  z.object({ type: z.literal('load'), users: count, spawnRate: z.number().positive() }),
  z.object({
    type: z.literal('assign'),
    assignment: z.object({
      version: z.literal(PROTOCOL_VERSION),
      worker: count,
      segment,
      source,
      options: z.record(z.string(), z.unknown()),
      explicit: z.array(z.string()),
      profiles: z.record(z.string(), z.unknown()),
      // Absent when setup() returned nothing (JSON drops undefined).
      data: z.unknown().optional(),
      originMs: ms,
      tickMs: z.number().positive(),
      discardBodies: z.boolean(),
    }).transform((assignment): WorkerAssignment => ({ ...assignment, data: assignment.data })),
  }),
  z.object({ type: z.literal('start') }),
  z.object({ type: z.literal('refused'), reason: text }),
]) satisfies z.ZodType<ToWorker>;
