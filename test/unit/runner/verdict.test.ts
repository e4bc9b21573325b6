/**
 * decideVerdict: every branch of how a run ends (aborted, failed, passed), from what stopped it,
 * its thresholds and its failures.
 */

import { describe, expect, it } from 'vitest';
import type { ThresholdVerdict } from '../../../src/metrics/result.js';
import { decideVerdict, type VerdictInput } from '../../../src/runner/verdict.js';

function threshold(expression: string, ok: boolean): ThresholdVerdict {
  return { expression, ok, actual: 1, actualText: '1ms', abortOnFail: false };
}

const CLEAN: VerdictInput = {
  reason: 'duration',
  hadPlannedEnd: true,
  abortedBy: undefined,
  thresholds: [],
  failures: 0,
  taskErrors: 0,
  checkFails: 0,
};

describe('decideVerdict', () => {
  it('aborts on a threshold with abortOnFail, naming it', () => {
    expect(decideVerdict({ ...CLEAN, reason: 'threshold', abortedBy: 'p95<300ms' })).toStrictEqual({
      outcome: 'aborted',
      ok: false,
      abortReason: 'threshold p95<300ms failed (abortOnFail)',
    });
  });

  it('aborts on a threshold even when every threshold now passes and nothing failed', () => {
    expect(
      decideVerdict({ ...CLEAN, reason: 'threshold', abortedBy: 'x', thresholds: [threshold('x', true)] }),
    ).toMatchObject({ outcome: 'aborted', ok: false });
  });

  it('words the abort reason cleanly when the threshold is not named', () => {
    expect(decideVerdict({ ...CLEAN, reason: 'threshold' }).abortReason).toBe(
      'a threshold failed (abortOnFail)',
    );
  });

  it('aborts when interrupted before a planned end', () => {
    expect(decideVerdict({ ...CLEAN, reason: 'interrupted', hadPlannedEnd: true })).toStrictEqual({
      outcome: 'aborted',
      ok: false,
      abortReason: 'interrupted before its planned end',
    });
  });

  it('fails, not aborts, a run stopped because nothing listened at the target, saying so', () => {
    const unreachable = 'nothing is listening on 127.0.0.1:8080: is the service running?';
    expect(decideVerdict({ ...CLEAN, reason: 'unreachable', unreachable })).toStrictEqual({
      outcome: 'failed',
      ok: false,
      abortReason: unreachable,
    });
  });

  it('judges an interrupted run with no planned end on its results', () => {
    expect(decideVerdict({ ...CLEAN, reason: 'interrupted', hadPlannedEnd: false })).toStrictEqual({
      outcome: 'passed',
      ok: true,
    });
    expect(
      decideVerdict({ ...CLEAN, reason: 'interrupted', hadPlannedEnd: false, failures: 1 }),
    ).toStrictEqual({
      outcome: 'failed',
      ok: false,
    });
  });

  it('with thresholds, passes when all pass, whatever else failed', () => {
    const input = {
      ...CLEAN,
      thresholds: [threshold('p95<300ms', true), threshold('successRate>=99%', true)],
      failures: 5,
      taskErrors: 2,
      checkFails: 1,
    };
    expect(decideVerdict(input)).toStrictEqual({ outcome: 'passed', ok: true });
  });

  it('with thresholds, fails when any fails', () => {
    const input = {
      ...CLEAN,
      thresholds: [threshold('a', true), threshold('b', false), threshold('c', true)],
    };
    expect(decideVerdict(input)).toStrictEqual({ outcome: 'failed', ok: false });
  });

  it.each([
    ['a failed request', { failures: 1 }],
    ['a task error', { taskErrors: 1 }],
    ['a failed check', { checkFails: 1 }],
  ])('without thresholds, fails on %s', (_label, extra) => {
    expect(decideVerdict({ ...CLEAN, ...extra })).toStrictEqual({ outcome: 'failed', ok: false });
  });

  it.each(['duration', 'completed'] as const)(
    'without thresholds, passes a clean run ending by %s',
    (reason) => {
      expect(decideVerdict({ ...CLEAN, reason })).toStrictEqual({ outcome: 'passed', ok: true });
      expect(decideVerdict({ ...CLEAN, reason, hadPlannedEnd: false })).toStrictEqual({
        outcome: 'passed',
        ok: true,
      });
    },
  );
});
