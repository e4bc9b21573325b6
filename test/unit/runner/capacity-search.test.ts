import { describe, expect, it } from 'vitest';
import { judgeStep, type StepMeasurement, searchCapacity } from '../../../src/runner/capacity-search.js';

const criteria = { p95Ms: 100, errorRate: 0.01, minAchievedRatio: 0.95 };

/** A fake service: fine below `limit`, p95 explodes above it. */
function service(limit: number) {
  const tried: number[] = [];
  const measure = async (rate: number): Promise<StepMeasurement> => {
    tried.push(rate);
    const over = rate > limit;
    return {
      rate,
      achievedRate: rate,
      requests: 100,
      p50Ms: over ? 300 : 10,
      p95Ms: over ? 500 : 20,
      p99Ms: over ? 800 : 30,
      errorRate: 0,
      droppedIterations: 0,
    };
  };
  return { measure, tried };
}

describe('searchCapacity', () => {
  it('steps up geometrically, then bisects between the last good and first bad rate', async () => {
    const { measure, tried } = service(80);
    const report = await searchCapacity(measure, criteria, {
      startRate: 10,
      factor: 2,
      maxRate: 1000,
      refineRounds: 3,
    });
    expect(tried).toEqual([10, 20, 40, 80, 160, 120, 100, 90]);
    expect(report.capacity).toBe(80);
    expect(report.brokeAt).toBe(90);
    expect(report.reason).toBe('p95 500ms > 100ms');
    expect(report.steps.filter((s) => s.refinement)).toHaveLength(3);
  });

  it('reports a capacity of at least the max rate when nothing breaks', async () => {
    const report = await searchCapacity(service(1e9).measure, criteria, {
      startRate: 10,
      factor: 10,
      maxRate: 1000,
      refineRounds: 3,
    });
    expect(report.capacity).toBe(1000);
    expect(report.brokeAt).toBeNull();
  });

  it('reports no capacity when the first rate already breaks', async () => {
    const report = await searchCapacity(service(1).measure, criteria, {
      startRate: 10,
      factor: 2,
      maxRate: 100,
      refineRounds: 3,
    });
    expect(report.capacity).toBeNull();
    expect(report.brokeAt).toBe(10);
    expect(report.steps).toHaveLength(1);
  });
});

describe('judgeStep', () => {
  const ok: StepMeasurement = {
    rate: 100,
    achievedRate: 99,
    requests: 1000,
    p50Ms: 5,
    p95Ms: 50,
    p99Ms: 90,
    errorRate: 0.001,
    droppedIterations: 0,
  };
  it('holds within every limit', () => expect(judgeStep(ok, criteria)).toBeNull());
  it('breaks on latency, errors and a rate the target cannot keep up with, naming each', () => {
    expect(judgeStep({ ...ok, p95Ms: 101 }, criteria)).toBe('p95 101ms > 100ms');
    expect(judgeStep({ ...ok, errorRate: 0.02 }, criteria)).toBe('errors 2% > 1%');
    expect(judgeStep({ ...ok, achievedRate: 90 }, criteria)).toBe('achieved 90/s < 95/s (95% of 100/s)');
    expect(judgeStep({ ...ok, requests: 0 }, criteria)).toBe('no request completed');
  });
  it('never prints a reason whose two figures read the same', () => {
    expect(judgeStep({ ...ok, p95Ms: 100.04 }, criteria)).toBe('p95 100.04ms > 100ms');
    expect(judgeStep({ ...ok, p95Ms: 100.0000001 }, criteria)).toBe('p95 100.0000001ms > 100ms');
    expect(judgeStep({ ...ok, errorRate: 0.010001 }, criteria)).toBe('errors 1.0001% > 1%');
    expect(judgeStep({ ...ok, achievedRate: 94.96 }, criteria)).toBe('achieved 94.96/s < 95/s (95% of 100/s)');
  });
});
