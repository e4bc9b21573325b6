/**
 * Input validation for the demo's API areas: read a field, record a problem if it is wrong,
 * carry on, and answer one 400 listing every problem. Readers of required fields return a
 * placeholder ('' or 0) when invalid so handlers need no casts; a handler calls `reject()`
 * before using any value, and the placeholder never escapes.
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJsonBody, sendError } from './http-io.js';

interface Bounds {
  min: number;
  max: number;
}

/** Collected problems, answered as one 400 `{ error, details }`. */
class Problems {
  readonly details: string[] = [];

  get ok(): boolean {
    return this.details.length === 0;
  }

  /** Answers 400 when there were problems; true when it did (the handler then returns). */
  reject(res: ServerResponse, error: string): boolean {
    if (this.details.length === 0) return false;
    sendError(res, 400, error, this.details);
    return true;
  }
}

/** Reads fields of a parsed JSON object body. */
export class BodyFields extends Problems {
  readonly #body: Record<string, unknown>;

  constructor(body: Record<string, unknown>) {
    super();
    this.#body = body;
  }

  has(key: string): boolean {
    return this.#body[key] !== undefined;
  }

  /** The raw value, for nested structures the area validates itself. */
  raw(key: string): unknown {
    return this.#body[key];
  }

  string(key: string, { min = 1, max }: { min?: number; max: number }, pattern?: RegExp): string {
    return this.optionalString(key, { min, max }, pattern, true) ?? '';
  }

  optionalString(
    key: string,
    { min = 1, max }: { min?: number; max: number },
    pattern?: RegExp,
    required = false,
  ): string | undefined {
    const value = this.#body[key];
    if (value === undefined && !required) return undefined;
    if (typeof value === 'string' && value.length >= min && value.length <= max) {
      if (pattern === undefined || pattern.test(value)) return value;
    }
    const shape = pattern === undefined ? '' : ` matching ${String(pattern)}`;
    this.details.push(`${key}: must be a string of ${min} to ${max} characters${shape}`);
    return undefined;
  }

  integer(key: string, bounds: Bounds): number {
    return this.optionalInteger(key, bounds, true) ?? 0;
  }

  optionalInteger(key: string, { min, max }: Bounds, required = false): number | undefined {
    const value = this.#body[key];
    if (value === undefined && !required) return undefined;
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    this.details.push(`${key}: must be an integer from ${min} to ${max}`);
    return undefined;
  }

  number(key: string, bounds: Bounds): number {
    return this.optionalNumber(key, bounds, true) ?? 0;
  }

  optionalNumber(key: string, { min, max }: Bounds, required = false): number | undefined {
    const value = this.#body[key];
    if (value === undefined && !required) return undefined;
    if (typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max) return value;
    this.details.push(`${key}: must be a number from ${min} to ${max}`);
    return undefined;
  }

  optionalOneOf<T extends string>(key: string, values: readonly T[]): T | undefined {
    const value = this.#body[key];
    if (value === undefined) return undefined;
    if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
    this.details.push(`${key}: must be one of ${values.join(', ')}`);
    return undefined;
  }
}

/**
 * Reads a JSON object body, answering 400/413/415 itself (then undefined). With `allowEmpty`,
 * a request with no body at all reads as `{}`, so action endpoints (`…/attempt`, `…/reset`)
 * work with a bare POST.
 */
export async function readFields(
  req: IncomingMessage,
  res: ServerResponse,
  { allowEmpty = false }: { allowEmpty?: boolean } = {},
): Promise<BodyFields | undefined> {
  if (allowEmpty && hasNoBody(req)) return new BodyFields({});
  const body = await readJsonBody(req);
  if (!body.ok) {
    sendError(res, body.status, body.error);
    return undefined;
  }
  const value = body.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    sendError(res, 400, 'invalid request body', ['body: must be a JSON object']);
    return undefined;
  }
  return new BodyFields(value as Record<string, unknown>);
}

function hasNoBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  if (length !== undefined) return length === '0';
  return req.headers['transfer-encoding'] === undefined;
}

/** Reads `?key=value` parameters; each reader treats an absent key as "use the default". */
export class QueryFields extends Problems {
  readonly #params: URLSearchParams;

  constructor(query: string) {
    super();
    this.#params = new URLSearchParams(query);
  }

  string(key: string, max: number): string | undefined {
    const value = this.#params.get(key);
    if (value === null) return undefined;
    if (value.length >= 1 && value.length <= max) return value;
    this.details.push(`${key}: must be 1 to ${max} characters`);
    return undefined;
  }

  /** An integer in bounds; absent gives `fallback`. */
  integer(key: string, { min, max }: Bounds, fallback: number): number {
    const value = this.#params.get(key);
    if (value === null) return fallback;
    if (/^\d{1,9}$/.test(value)) {
      const n = Number(value);
      if (n >= min && n <= max) return n;
    }
    this.details.push(`${key}: must be an integer from ${min} to ${max}`);
    return fallback;
  }

  /** `?limit=`: a positive integer, clamped to `max` (a larger ask is not an error). */
  limit(fallback: number, max: number): number {
    const value = this.#params.get('limit');
    if (value === null) return fallback;
    if (/^\d{1,9}$/.test(value) && Number(value) >= 1) return Math.min(Number(value), max);
    this.details.push(`limit: must be a positive integer (at most ${max})`);
    return fallback;
  }

  oneOf<T extends string>(key: string, values: readonly T[]): T | undefined {
    const value = this.#params.get(key);
    if (value === null) return undefined;
    if ((values as readonly string[]).includes(value)) return value as T;
    this.details.push(`${key}: must be one of ${values.join(', ')}`);
    return undefined;
  }

  /** An ISO 8601 time as epoch ms. */
  time(key: string): number | undefined {
    const raw = this.#params.get(key);
    if (raw === null) return undefined;
    // An unencoded `+02:00` offset arrives as ` 02:00` (a query's `+` means space).
    const value = raw.replace(' ', '+');
    const ms = parseIsoTime(value);
    if (ms === undefined) this.details.push(`${key}: must be an ISO 8601 time, e.g. 2024-05-01T12:00:00Z`);
    return ms;
  }
}

const ISO_TIME = /^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d{1,9})?)?(Z|[+-]\d\d:?\d\d)?)?$/;

/** Epoch ms of an ISO 8601 date or date-time; undefined for anything else. */
export function parseIsoTime(text: string): number | undefined {
  if (!ISO_TIME.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : undefined;
}
