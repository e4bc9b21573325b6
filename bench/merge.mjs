// The main thread's cost of merging workers' snapshots, per second of run: N workers × R rows of
// realistic latency histograms, merged as the run loop does once a second.
//   node bench/merge.mjs              (WORKERS=4 ROWS=20)
import { fileURLToPath } from 'node:url';
import { IntervalRecorder } from '../dist/metrics/interval-recorder.js';
import { RunAggregate } from '../dist/metrics/run-aggregate.js';

const SECONDS = 60;

/** One worker's snapshots, one per second: `rows` endpoints, 2,000 requests a second. */
export function workerSnapshots(worker, rows, seconds = SECONDS) {
  let now = 0;
  const recorder = new IntervalRecorder({ worker, now: () => now });
  const scope = recorder.scope('', 'User', []);
  const ids = Array.from({ length: rows }, (_, i) => recorder.endpoint(scope, 'GET', `/endpoint/${i}`));
  const snapshots = [];
  for (let s = 1; s <= seconds; s++) {
    for (let i = 0; i < 2000; i++) {
      const latency = 500 + Math.floor(Math.random() * 20000) + (Math.random() < 0.01 ? 200000 : 0);
      recorder.record(ids[i % rows], latency, latency / 2, 200, 100, 80, false);
    }
    now = s * 1000;
    snapshots.push(recorder.flush(50));
  }
  return snapshots;
}

/** Milliseconds of CPU the merge takes per second of run. */
export function mergeCostMs(workers, rows) {
  const perWorker = Array.from({ length: workers }, (_, w) => workerSnapshots(w, rows));
  const aggregate = new RunAggregate();
  const start = process.cpuUsage();
  for (let s = 0; s < SECONDS; s++) aggregate.addAll(perWorker.map((snaps) => snaps[s]));
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / SECONDS;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const ROWS = Number(process.env.ROWS ?? 20);
  const WORKERS = Number(process.env.WORKERS ?? 4);
  const msPerSecond = mergeCostMs(WORKERS, ROWS);
  process.stdout.write(
    `merging ${WORKERS} workers × ${ROWS} rows: ${msPerSecond.toFixed(2)} ms of CPU per second of run ` +
      `(${(msPerSecond / 10).toFixed(2)}% of a core; ${(msPerSecond / 10 / WORKERS).toFixed(3)}% per worker)\n`,
  );
}
