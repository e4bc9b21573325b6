// The cost of one custom-metric sample, per kind: `vu.metric(name).add(value)` as a task calls it
// (a kept handle, into the real recorder), in ns per add(). Run `npm run build` first.
import { MetricHandles } from '../dist/engine/metric-handles.js';
import { createHistogram } from '../dist/metrics/histogram.js';
import { IntervalRecorder } from '../dist/metrics/interval-recorder.js';

const SAMPLES = Number(process.env.SAMPLES ?? 5_000_000);
const ROUNDS = 5;

let now = 0;
const recorder = new IntervalRecorder({ now: () => now });
const handles = new MetricHandles(
  [
    { name: 'orders', kind: 'counter' },
    { name: 'pool_waiting', kind: 'gauge' },
    { name: 'cache_hit', kind: 'rate' },
    { name: 'cost_usd', kind: 'trend' },
  ],
  recorder,
);

const values = Float64Array.from({ length: 1024 }, (_, i) => 0.001 + (i % 97) * 0.0003);
const cases = {
  counter: () => handles.get('orders').add(1),
  gauge: (i) => handles.get('pool_waiting').add(i & 15),
  rate: (i) => handles.get('cache_hit').add((i & 3) !== 0),
  trend: (i) => handles.get('cost_usd').add(values[i & 1023]),
};

const held = {
  counter: handles.get('orders'),
  gauge: handles.get('pool_waiting'),
  rate: handles.get('cache_hit'),
  trend: handles.get('cost_usd'),
};

function measure(kind, add) {
  let best = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < SAMPLES; i++) add(i);
    const ns = Number(process.hrtime.bigint() - start) / SAMPLES;
    best = Math.min(best, ns);
    now += 1000;
    recorder.flush(1);
  }
  return best;
}

console.log(`ns per add(), best of ${ROUNDS} rounds of ${SAMPLES.toLocaleString('en-US')} samples (node ${process.version})`);
for (const kind of Object.keys(held)) {
  const handle = held[kind];
  const value = kind === 'trend' ? (i) => handle.add(values[i & 1023]) : kind === 'rate' ? (i) => handle.add((i & 3) !== 0) : kind === 'gauge' ? (i) => handle.add(i & 15) : () => handle.add(1);
  const keptNs = measure(kind, value);
  const lookedUpNs = measure(kind, cases[kind]);
  console.log(`  ${kind.padEnd(8)} ${keptNs.toFixed(1).padStart(6)} ns (handle kept)  ${lookedUpNs.toFixed(1).padStart(6)} ns (vu.metric(name) each time)`);
}

// For scale: the HDR histogram's own recordValue, which a trend sample includes.
const bare = createHistogram();
const bareNs = measure('hdr', (i) => bare.recordValue(Math.round(values[i & 1023] * 1e6)));
console.log(`  (HDR recordValue alone: ${bareNs.toFixed(1)} ns)`);
