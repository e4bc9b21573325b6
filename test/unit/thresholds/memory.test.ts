import { describe, expect, it } from 'vitest';
import type { MergedStats, ResourceFigures, StatsSource } from '../../../src/metrics/stats-source.js';
import { evaluateThreshold, parseThresholdExpression } from '../../../src/thresholds/index.js';

const NO_ROWS: MergedStats = { rows: 0, requests: 0, failures: 0, seconds: 1, latency: null, checks: { passes: 0, fails: 0 } };

function source(figures: ResourceFigures | undefined): StatsSource {
  return figures === undefined ? { select: () => NO_ROWS } : { select: () => NO_ROWS, resources: () => figures };
}

describe('memory thresholds', () => {
  it('parse sizes in decimal and binary units', () => {
    expect(parseThresholdExpression('memoryGrowth<50MB')).toMatchObject({
      metric: { kind: 'memory', which: 'growth', of: 'generator' },
      op: '<',
      value: 50e6,
    });
    expect(parseThresholdExpression('targetPeakMemory<=1GiB').value).toBe(2 ** 30);
    expect(() => parseThresholdExpression('memoryGrowth<50')).toThrow(/not a size/);
  });

  it('judge the generator or the monitored processes, from the run-end figures', () => {
    const figures: ResourceFigures = {
      generator: { growthBytes: 12e6, peakBytes: 150e6 },
      targets: { growthBytes: 80e6, peakBytes: 400e6 },
    };
    const growth = evaluateThreshold(parseThresholdExpression('memoryGrowth<50MB'), source(figures));
    expect(growth).toMatchObject({ ok: true, actual: 12e6, actualText: '+12MB' });
    const leak = evaluateThreshold(parseThresholdExpression('targetMemoryGrowth<50MB'), source(figures));
    expect(leak).toMatchObject({ ok: false, actual: 80e6 });
    expect(evaluateThreshold(parseThresholdExpression('targetPeakMemory<500MB'), source(figures)).ok).toBe(true);
  });

  it('fail with a note when nothing was measured, never passing silently', () => {
    const during = evaluateThreshold(parseThresholdExpression('memoryGrowth<50MB'), source(undefined));
    expect(during).toMatchObject({ ok: false, actual: null });
    const noTargets = evaluateThreshold(
      parseThresholdExpression('targetMemoryGrowth<50MB'),
      source({ generator: { growthBytes: 0, peakBytes: 1 }, targets: null }),
    );
    expect(noTargets.note).toBe('no process was monitored (add --monitor-pid)');
  });
});
