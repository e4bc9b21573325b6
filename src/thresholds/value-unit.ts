/**
 * The units a threshold's value is written in, and the one reader of such values, shared by every
 * vocabulary (runs, benchmarks, stress tests): a latency of `300ms`, a share of `99%`, a rate of
 * `100/s`, a size of `50MB`. A unit that does not fit the metric (`p95<99%`) is an error rather
 * than a silent reinterpretation.
 */

import { tryParseBytes } from '../core/units/bytes.js';
import { tryParseDuration } from '../core/units/duration.js';
import { tryParsePercent } from '../core/units/percent.js';
import { tryParseRate } from '../core/units/rate.js';

/**
 * - `ms`: milliseconds (a latency, a time per call); a bare number is ms
 * - `fraction`: 0..1, written as a percentage or a fraction (success rate, margin of error)
 * - `perSecond`: a rate (`100/s`, `6000/m`, or a bare number per second)
 * - `count`: a whole number
 * - `bytes`: a size with a unit (`50MB`, `256MiB`)
 * - `cpu`: percent of one core, which can exceed 100 (`150%`)
 * - `ratio`: a plain multiple (`3x`)
 */
export type ValueUnit = 'ms' | 'fraction' | 'perSecond' | 'count' | 'bytes' | 'cpu' | 'ratio';

const BARE_NUMBER = /^\d+(?:\.\d+)?$/;

/** The value of `text` in `unit`, or undefined when it is not one. */
export function parseValue(text: string, unit: ValueUnit): number | undefined {
  switch (unit) {
    case 'ms':
      // A bare number is milliseconds here, unlike `tryParseDuration`'s seconds (a CLI `-t 60`
      // convention): latencies are thought of in ms.
      return BARE_NUMBER.test(text) ? Number(text) : tryParseDuration(text);
    case 'fraction':
      return tryParsePercent(text);
    case 'perSecond':
      return tryParseRate(text);
    case 'count':
      return /^\d+$/.test(text) ? Number(text) : undefined;
    case 'bytes':
      return tryParseBytes(text);
    case 'cpu': {
      const match = /^(\d+(?:\.\d+)?)%?$/.exec(text);
      return match === null ? undefined : Number(match[1]);
    }
    case 'ratio': {
      const match = /^(\d+(?:\.\d+)?)x?$/i.exec(text);
      return match === null ? undefined : Number(match[1]);
    }
  }
}

/** Why `text` is not a value in `unit`, with examples of what is. */
export function valueProblem(text: string, unit: ValueUnit): string {
  switch (unit) {
    case 'ms':
      return `'${text}' is not a duration (use 300ms, 1.5s)`;
    case 'fraction': {
      const over = /^\d+(?:\.\d+)?%$/.test(text) || BARE_NUMBER.test(text);
      return over
        ? `'${text}' is over 100% (use 99%, 99.9% or a fraction like 0.99)`
        : `'${text}' is not a percentage (use 99%, 99.9% or a fraction like 0.99)`;
    }
    case 'perSecond':
      return `'${text}' is not a rate (use 100/s, 6000/m or 100)`;
    case 'count':
      return `'${text}' is not a whole number (use e.g. 1000)`;
    case 'bytes':
      return `'${text}' is not a size (use 50MB, 1.5GB or 256MiB)`;
    case 'cpu':
      return `'${text}' is not a percent of one core (use 80% or 150%)`;
    case 'ratio':
      return `'${text}' is not a multiple (use 3x or 2.5)`;
  }
}
