// What `vu.measure()` costs over the call it wraps, in ns per call: a synchronous no-op and an
// async no-op, each timed bare and through a virtual user's `measure` (the real recorder, the
// real clock), as a task awaits them. Also `vu.group()` around a synchronous no-op, and the floor
// any recorded sample pays (two clock reads and one recorder.record(), as an HTTP request does). Runs against
// dist/: `npm run build` first. CALLS=… sets the calls per round (default 1,000,000).
import { realClock } from '../dist/core/clock.js';
import { compileClass } from '../dist/engine/compiled-class.js';
import { VirtualUser } from '../dist/engine/virtual-user.js';
import { IntervalRecorder } from '../dist/metrics/interval-recorder.js';
import { HttpClient } from '../dist/protocols/http/index.js';

const CALLS = Number(process.env.CALLS ?? 1_000_000);
const ROUNDS = 5;

const recorder = new IntervalRecorder({ now: () => 0 });
const spec = { name: 'Bench', weight: 1, wait: { next: () => 0 }, sequential: true, tasks: [{ name: 't', weight: 1, tags: [], run: () => undefined }] };
const compiled = compileClass(spec, '', recorder);
const http = new HttpClient({ recorder });
const never = new AbortController().signal;
const user = new VirtualUser(0, compiled, http, { recorder, clock: realClock, data: undefined, stopSignal: never, killSignal: never, budget: null, seed: 1 });
// The context a task receives (private in TypeScript, reachable here).
const vu = user.context;
http.scope = compiled.taskScopes[0];

let sink = 0;
const syncNoop = () => ++sink;
const asyncNoop = async () => ++sink;
const options = { type: 'sql' };

// The floor under any sample: reading the clock twice and recording one row (as HTTP does too).
const row = recorder.endpoint(compiled.taskScopes[0], 'SQL', 'floor');
const cases = {
  'floor: 2 × clock.now()': async () => {
    for (let i = 0; i < CALLS; i++) sink += realClock.now() - realClock.now();
  },
  'floor: recorder.record()': async () => {
    for (let i = 0; i < CALLS; i++) recorder.record(row, 123.4, 0, -1, 0, 0, false);
  },
  'sync no-op, bare call': async () => {
    for (let i = 0; i < CALLS; i++) syncNoop();
  },
  'sync no-op, bare call awaited': async () => {
    for (let i = 0; i < CALLS; i++) await syncNoop();
  },
  'sync no-op, vu.measure': async () => {
    for (let i = 0; i < CALLS; i++) await vu.measure('noop', syncNoop, options);
  },
  'async no-op, bare call awaited': async () => {
    for (let i = 0; i < CALLS; i++) await asyncNoop();
  },
  'async no-op, vu.measure': async () => {
    for (let i = 0; i < CALLS; i++) await vu.measure('noop async', asyncNoop, options);
  },
  'sync no-op, vu.group': async () => {
    for (let i = 0; i < CALLS; i++) await vu.group('g', syncNoop);
  },
};

const best = {};
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, run] of Object.entries(cases)) {
    const start = process.hrtime.bigint();
    await run();
    const ns = Number(process.hrtime.bigint() - start) / CALLS;
    // Round 0 warms the JIT up.
    if (round > 0) best[name] = Math.min(best[name] ?? Infinity, ns);
  }
  recorder.flush(1);
}
for (const [name, ns] of Object.entries(best)) process.stdout.write(`${name.padEnd(32)} ${ns.toFixed(1).padStart(7)} ns/call\n`);
const over = (a, b) => (best[a] - best[b]).toFixed(1);
process.stdout.write(
  `measure over the awaited call: sync ${over('sync no-op, vu.measure', 'sync no-op, bare call awaited')} ns, ` +
    `async ${over('async no-op, vu.measure', 'async no-op, bare call awaited')} ns (best of ${ROUNDS - 1} rounds of ${CALLS.toLocaleString('en-US')})\n`,
);
