import { describe, expect, it } from 'vitest';
import { decodeSnapshot } from '../../../src/metrics/snapshot-decoder.js';
import { intervalRows } from '../../../src/metrics/interval-rows.js';
import { manualRecorder } from './helpers.js';

/** One worker's interval: `samples` latencies (µs) on GET /a, the first `failed` of them failed. */
function workerInterval(worker: number, samples: number[], failed: number) {
  const { recorder } = manualRecorder(worker);
  const row = recorder.endpoint(recorder.scope('', 'U', []), 'GET', '/a');
  const other = recorder.endpoint(recorder.scope('', 'U', []), 'GET', '/b');
  samples.forEach((us, i) => recorder.record(row, us, us, 200, 10, 5, i < failed));
  recorder.endpoint(recorder.scope('', 'U', []), 'GET', '/idle');
  if (worker === 1) recorder.record(other, 1000, 500, 200, 0, 0, false);
  return decodeSnapshot(recorder.flush(1));
}

describe('intervalRows', () => {
  it("merges one tick's rows across workers: counts add, latencies are the merged histogram's", () => {
    const rows = intervalRows([workerInterval(0, [1000, 2000, 3000], 1), workerInterval(1, [4000, 100_000], 2)]);
    expect(rows.map((r) => r.key.name)).toEqual(['/a', '/b']);
    const [a] = rows;
    expect(a).toMatchObject({ requests: 5, failures: 3, bytesIn: 50, bytesOut: 25 });
    expect(a?.latency?.p50).toBeCloseTo(3, 2);
    expect(a?.latency?.max).toBeCloseTo(100, 0);
    expect(a?.latency?.mean).toBeCloseTo(22, 0);
  });

  it('leaves out rows with no request in the tick', () => {
    expect(intervalRows([workerInterval(0, [], 0)])).toEqual([]);
  });
});
