import { describe, expect, it } from 'vitest';
import { clock, count, isNumber, MISSING, msText, msValue, percent, plural, rate } from '../../../src/ui/browser/format.js';

describe('the web UI page formats', () => {
  it('groups counts and shows a dash for what is not a number', () => {
    expect(count(1234567.4)).toBe('1,234,567');
    expect(count(-1500)).toBe('-1,500');
    expect(count(null)).toBe(MISSING);
    expect(count(Number.NaN)).toBe(MISSING);
    expect(isNumber(Number.POSITIVE_INFINITY)).toBe(false);
  });

  it('writes latencies to about three significant digits, switching to seconds from 10s', () => {
    expect(msValue(1.234)).toBe('1.23');
    expect(msValue(12.34)).toBe('12.3');
    expect(msValue(1234.5)).toBe('1,235');
    expect(msText(8.27)).toBe('8.27ms');
    expect(msText(12_500)).toBe('12.5s');
    expect(msText(250_000)).toBe('250s');
    expect(msText(undefined)).toBe(MISSING);
  });

  it('writes rates like latencies, without a unit', () => {
    expect(rate(9.996)).toBe('10.0');
    expect(rate(172.4)).toBe('172');
  });

  it('never rounds a share of failures to 0% or to 100%', () => {
    expect(percent(0.4867)).toBe('48.7%');
    expect(percent(0.00001)).toBe('<0.1%');
    expect(percent(0.99999)).toBe('>99.9%');
    expect(percent(1)).toBe('100.0%');
    expect(percent(0.5, 0)).toBe('50%');
  });

  it('shows elapsed time as a clock of whole seconds', () => {
    expect(clock(4_999)).toBe('00:04');
    expect(clock(300_000)).toBe('05:00');
    expect(clock(3_723_000)).toBe('1:02:03');
    expect(clock(-5)).toBe('00:00');
  });

  it('counts things in words', () => {
    expect(plural(1, 'threshold')).toBe('1 threshold');
    expect(plural(1200, 'failed request')).toBe('1,200 failed requests');
    expect(plural(2, 'child', 'children')).toBe('2 children');
  });
});
