import { describe, expect, it } from 'vitest';
import { isResourceMetric, measureResource } from '../../../src/monitor/resource-metrics.js';
import type { RunResources } from '../../../src/monitor/resource-watch.js';
import { summarizeResources } from '../../../src/monitor/resource-summary.js';

function summary(rssBytes: number[]) {
  return summarizeResources(
    rssBytes.map((rss, i) => ({
      t: (i + 1) / 10,
      cpuPercent: 10 * (i + 1),
      rssBytes: rss,
      heapUsedBytes: rss / 2,
      eventLoopDelayP99Ms: 1,
    })),
  );
}

describe('resource figures for thresholds', () => {
  it('tells resource metrics from the others', () => {
    expect(isResourceMetric('peakMemory')).toBe(true);
    expect(isResourceMetric('targetPeakCpu')).toBe(true);
    expect(isResourceMetric('mean')).toBe(false);
  });

  it("reads the generator's figures, and the highest of the targets'", () => {
    const resources: RunResources = {
      intervalMs: 100,
      generator: summary([100, 300, 200]),
      targets: [
        { ...summary([50, 60]), pid: 1, command: 'a', note: null },
        { ...summary([500, 400]), pid: 2, command: 'b', note: null },
      ],
    };
    expect(measureResource('peakMemory', resources)).toEqual({ value: 300 });
    expect(measureResource('peakCpu', resources)).toEqual({ value: 30 });
    expect(measureResource('targetPeakMemory', resources)).toEqual({ value: 500 });
  });

  it('says why there is no figure', () => {
    const resources: RunResources = { intervalMs: 100, generator: summary([]), targets: [] };
    expect(measureResource('peakMemory', resources)).toEqual({
      value: null,
      note: 'no memory samples were taken',
    });
    expect(measureResource('targetPeakMemory', resources)).toEqual({
      value: null,
      note: 'no process was watched (give its pid with --monitor-pid)',
    });
  });
});
