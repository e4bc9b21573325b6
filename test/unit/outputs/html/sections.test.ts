import { describe, expect, it } from 'vitest';
import { formatInstant, formatOffset, formatRunLength } from '../../../../src/outputs/html/sections/card.js';
import { statusCodesSection, statusTone } from '../../../../src/outputs/html/sections/status-codes.js';
import { verdictReason } from '../../../../src/outputs/html/sections/verdict.js';
import { fixtureResult } from '../fixture-result.js';

describe('time formats', () => {
  it('prints instants in UTC whatever the local zone', () => {
    expect(formatInstant('2025-03-01T10:00:00.000+02:00')).toBe('2025-03-01 08:00:00 UTC');
    expect(formatInstant('not a date')).toBe('not a date');
  });

  it('prints offsets from the start to a tenth of a second', () => {
    expect(formatOffset('2025-03-01T10:01:05.070Z', '2025-03-01T10:00:00.000Z')).toBe('+01:05.0');
    expect(formatOffset('2025-03-01T10:00:12.950Z', '2025-03-01T10:00:00.000Z')).toBe('+00:12.9');
  });

  it('prints a run length in the largest units that fit', () => {
    expect(formatRunLength(850)).toBe('850ms');
    expect(formatRunLength(45_000)).toBe('45.0s');
    expect(formatRunLength(300_000)).toBe('5m 00s');
    expect(formatRunLength(3_723_000)).toBe('1h 02m 03s');
  });
});

describe('verdictReason', () => {
  it('counts failed thresholds', () => {
    expect(verdictReason(fixtureResult())).toBe('2 of 5 thresholds failed');
  });

  it('names what failed when there are no thresholds', () => {
    const result = fixtureResult();
    result.thresholds = [];
    expect(verdictReason(result)).toBe(
      'no thresholds set, and 46 failed requests, 4 task errors, 25 failed checks',
    );
  });

  it('says how many thresholds passed', () => {
    const result = fixtureResult();
    result.outcome = 'passed';
    result.thresholds = result.thresholds.filter((t) => t.ok);
    expect(verdictReason(result)).toBe('all 3 thresholds passed');
    result.thresholds = result.thresholds.slice(0, 1);
    expect(verdictReason(result)).toBe('the threshold passed');
  });

  it('gives the abort reason, or a default', () => {
    const result = fixtureResult();
    result.outcome = 'aborted';
    expect(verdictReason(result)).toBe('the run was stopped before its end');
    result.abortReason = 'interrupted before its planned end';
    expect(verdictReason(result)).toBe('interrupted before its planned end');
  });
});

describe('statusCodesSection', () => {
  it('lists codes in numeric order with no response last, with their meaning and share', () => {
    const text = statusCodesSection(fixtureResult()).text;
    const codes = [
      ...text.matchAll(/<span class="status (\w+)">(\d+)<\/span> <span class="muted">([^<]*)</g),
    ].map((m) => `${m[2]} ${m[1]} ${m[3]}`);
    expect(codes).toEqual([
      '200 ok OK',
      '201 ok Created',
      '202 ok Accepted',
      '401 warn Unauthorized',
      '429 warn Too Many Requests',
      '500 bad Internal Server Error',
      '0 bad no response',
    ]);
    // 3,288 of 4,800 responses.
    expect(text).toContain('style="width:68.5%"></span></span><span class="pct">68.5%</span>');
    expect(statusTone('302')).toBe('info');
  });
});
