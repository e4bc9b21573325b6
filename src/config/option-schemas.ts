/**
 * The kinds of option values (a count, a duration, a URL, a list…): how a raw value (a flag's
 * text, an env var, a scenario's typed value) is checked and converted. The option table gives
 * each option one of these, so every source is validated the same way and every message says
 * what the option accepts.
 */

import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { MAX_TIMER_MS } from '../core/long-timeout.js';
import { tryParseBytes } from '../core/units/bytes.js';
import { tryParseDuration } from '../core/units/duration.js';
import { tryParseRate } from '../core/units/rate.js';
import { DEFAULT_SLOWEST, MAX_SLOWEST } from '../metrics/slowest-requests.js';
import { DEFAULT_ACCEPT_ENCODING } from './http-defaults.js';
import { parseStagesText } from './stages-text.js';

/** A whole number of at least `min`, from a number or a string of digits. */
export const intAtLeast = (min: number, what: string) =>
  z.union([z.number(), z.string()]).transform((raw, ctx) => {
    const value = typeof raw === 'number' ? raw : /^\s*\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isInteger(value) || value < min) {
      ctx.addIssue({ code: 'custom', message: `expected ${what} (a whole number >= ${min}), got '${raw}'` });
      return z.NEVER;
    }
    return value;
  });

export const positiveInt = (what: string) => intAtLeast(1, what);

export const positiveNumber = (what: string) =>
  z.union([z.number(), z.string()]).transform((raw, ctx) => {
    const value = typeof raw === 'number' ? raw : /^\s*\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(value > 0) || !Number.isFinite(value)) {
      ctx.addIssue({ code: 'custom', message: `expected ${what} (a number > 0), got '${raw}'` });
      return z.NEVER;
    }
    return value;
  });

/**
 * Numbers are seconds, as everywhere volley takes a duration (Locust's `-t 60`, `between(1, 3)`,
 * a request's `timeout: 2`); strings are durations (`30s`, `5m`, `1h30m`, `250ms`).
 */
export const duration = z.union([z.number(), z.string()]).transform((raw, ctx) => {
  const ms = typeof raw === 'number' ? raw * 1000 : tryParseDuration(raw);
  if (ms === undefined || !(ms >= 0) || !Number.isFinite(ms)) {
    ctx.addIssue({
      code: 'custom',
      message: `expected a duration like 30s, 5m, 1h30m or 250ms, got '${raw}'`,
    });
    return z.NEVER;
  }
  return ms;
});

export const positiveDuration = duration.refine((ms) => ms > 0, { message: 'expected a duration above zero' });

/** A request's timeout is one plain timer per request (long waits are chained only for the run's own timers). */
export const requestTimeout = positiveDuration.refine((ms) => ms <= MAX_TIMER_MS, {
  message: `expected a timeout of at most ${Math.floor(MAX_TIMER_MS / 86_400_000)} days (2^31-1 ms)`,
});

export const list = z
  .union([z.string(), z.array(z.string())])
  .transform((raw) =>
    (typeof raw === 'string' ? raw.split(',') : raw).map((s) => s.trim()).filter((s) => s !== ''),
  );

export const url = z.string().transform((raw, ctx) => {
  const trimmed = raw.trim().replace(/\/+$/, '');
  let parsed: URL | undefined;
  try {
    parsed = new URL(trimmed);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    ctx.addIssue({ code: 'custom', message: `expected an http:// or https:// URL, got '${raw}'` });
    return z.NEVER;
  }
  return trimmed;
});

export const bool = z.union([z.boolean(), z.string()]).transform((raw, ctx) => {
  if (typeof raw === 'boolean') return raw;
  const text = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(text)) return true;
  if (['0', 'false', 'no', 'off', ''].includes(text)) return false;
  ctx.addIssue({ code: 'custom', message: `expected true or false, got '${raw}'` });
  return z.NEVER;
});

/** A size of at least one byte: a number of bytes, or text with a unit (`4MiB`, `500kB`). */
export const byteSize = z.union([z.number(), z.string()]).transform((raw, ctx) => {
  const value = typeof raw === 'number' ? raw : /^\s*\d+\s*$/.test(raw) ? Number(raw) : tryParseBytes(raw);
  if (value === undefined || !Number.isSafeInteger(Math.floor(value)) || Math.floor(value) < 1) {
    ctx.addIssue({ code: 'custom', message: `expected a size like 4MiB, 500kB or 1048576 (bytes), got '${raw}'` });
    return z.NEVER;
  }
  return Math.floor(value);
});

/** An HTTP version: 1 (or 1.1) for HTTP/1.1, 2 for HTTP/2; a bare `--http2` (true) is 2. */
export const httpVersion = z.union([z.number(), z.string(), z.boolean()]).transform((raw, ctx): 1 | 2 => {
  if (typeof raw === 'boolean') return raw ? 2 : 1;
  const text = String(raw).trim().toLowerCase();
  if (['2', '2.0', 'h2', 'http/2'].includes(text)) return 2;
  if (['1', '1.1', 'http/1.1'].includes(text)) return 1;
  ctx.addIssue({ code: 'custom', message: `expected an HTTP version, 1.1 or 2, got '${String(raw)}'` });
  return z.NEVER;
});

/** A list of content codings (`gzip, br`); false, `none` or `off` for no accept-encoding header. */
export const acceptEncoding = z.union([z.boolean(), z.string()]).transform((raw, ctx): string | false => {
  if (raw === false) return false;
  if (raw === true) return DEFAULT_ACCEPT_ENCODING;
  const text = raw.trim();
  if (['', 'none', 'off', 'false'].includes(text.toLowerCase())) return false;
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+(\s*;\s*q=[01](\.\d{0,3})?)?(\s*,\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+(\s*;\s*q=[01](\.\d{0,3})?)?)*$/.test(text)) {
    ctx.addIssue({ code: 'custom', message: `expected a list of content codings like 'gzip, deflate, br', or none, got '${raw}'` });
    return z.NEVER;
  }
  return text;
});

export const seed = z.union([z.number(), z.string()]).transform((raw, ctx) => {
  const value = Number(raw);
  if (!Number.isInteger(value)) {
    ctx.addIssue({ code: 'custom', message: `expected a whole number, got '${raw}'` });
    return z.NEVER;
  }
  return value;
});

export const stages = z.string().transform((raw, ctx) => {
  const parsed = parseStagesText(raw);
  if (typeof parsed === 'string') {
    ctx.addIssue({ code: 'custom', message: parsed });
    return z.NEVER;
  }
  return parsed;
});

export const rate = z.union([z.number(), z.string()]).transform((raw, ctx) => {
  const value = typeof raw === 'number' ? raw : tryParseRate(raw);
  if (value === undefined || !(value > 0) || !Number.isFinite(value)) {
    ctx.addIssue({ code: 'custom', message: `expected a rate like 200/s, 30/m or 10, got '${raw}'` });
    return z.NEVER;
  }
  return value;
});

export const distribution = z.enum(['even', 'poisson'], { message: "expected 'even' or 'poisson'" });

/** `auto` uses every core, up to 16 (beyond that, merging and memory cost more than they give). */
export const workers = z.union([z.number(), z.string()]).transform((raw, ctx) => {
  if (raw === 'auto') return defaultWorkers();
  const value = typeof raw === 'number' ? raw : /^\s*\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(value) || value < 1 || value > 256) {
    ctx.addIssue({
      code: 'custom',
      message: `expected a number of workers from 1 to 256, or auto, got '${raw}'`,
    });
    return z.NEVER;
  }
  return value;
});

/** `--workers auto`: one worker per core, up to 16 (beyond that, merging costs more than it gives). */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(16, availableParallelism()));
}

/**
 * `--slowest [n]`: how many slowest requests each row keeps, and that the summary lists them. A
 * bare `--slowest` (true) keeps the default; false (or unset, null) lists none and keeps the default.
 */
export const slowest = z.union([z.boolean(), z.number(), z.string()]).transform((raw, ctx): number | null => {
  if (typeof raw === 'boolean') return raw ? DEFAULT_SLOWEST : null;
  const value = typeof raw === 'number' ? raw : /^\s*\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(value) || value < 1 || value > MAX_SLOWEST) {
    ctx.addIssue({ code: 'custom', message: `expected how many slowest requests to keep per row, 1 to ${MAX_SLOWEST}, got '${raw}'` });
    return z.NEVER;
  }
  return value;
});

/** Threshold expressions: one, or a list (`--threshold` repeated). */
export const expressions = z
  .union([z.string(), z.array(z.string())])
  .transform((raw) => (typeof raw === 'string' ? [raw] : raw));

/** Any non-empty text: a path or a name; `what` completes 'expected …'. */
export const nonEmptyText = (what: string) => z.string().min(1, `expected ${what}`);
