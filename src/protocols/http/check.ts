/**
 * `check()`: named assertions on a response, counted per scope in the stats (k6's checks). A
 * check that throws counts as failed, so `(r) => r.json().id !== undefined` on a non-JSON body is
 * a failed check, not a crashed task. With `failRequest`, a failed check also turns the request
 * into a failure (Locust's `catch_response` + `response.failure()`).
 */

import { Response } from './response.js';
import type { HttpResponse } from './types.js';

export interface CheckOptions {
  /** Also mark the request failed (`res.fail('check failed: <name>')`) when any check fails. */
  failRequest?: boolean;
}

/** Runs each named check against `res`, records each outcome, and returns whether all passed. */
export function check(
  res: HttpResponse,
  checks: Readonly<Record<string, (res: HttpResponse) => unknown>>,
  options?: CheckOptions,
): boolean {
  if (!(res instanceof Response))
    throw new TypeError('check() expects a response returned by the http client');
  let firstFailed: string | undefined;
  for (const name in checks) {
    const fn = checks[name];
    if (typeof fn !== 'function') throw new TypeError(`check '${name}' is not a function`);
    let passed: boolean;
    try {
      const result = fn(res);
      if (result instanceof Promise) {
        result.catch(() => {}); // the TypeError below is the report; no unhandled rejection on top
        throw new TypeError(`check '${name}' returned a Promise; checks must be synchronous`);
      }
      passed = Boolean(result);
    } catch (error) {
      if (error instanceof TypeError && error.message.startsWith(`check '${name}' returned`)) throw error;
      passed = false;
    }
    res.recorder.check(res.scope, name, passed);
    if (!passed) firstFailed ??= name;
  }
  if (firstFailed !== undefined && options?.failRequest === true) res.fail(`check failed: ${firstFailed}`);
  return firstFailed === undefined;
}
