/**
 * A small fetch wrapper for the demo service's API tests: one call returns status, headers and
 * the parsed JSON (or raw text), and `signUp` gives a bearer token for the authenticated areas.
 */

import type { DemoServer } from '../../../src/demo/index.js';

export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface CallOptions {
  json?: unknown;
  headers?: Record<string, string>;
  body?: Uint8Array | string;
}

export async function call<T = unknown>(
  demo: DemoServer,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  let body: Uint8Array | string | undefined = options.body;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  const res = await fetch(demo.url + path, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  const isJson = res.headers.get('content-type')?.startsWith('application/json') === true;
  return {
    status: res.status,
    headers: res.headers,
    body: (isJson && text !== '' ? JSON.parse(text) : text) as T,
    text,
  };
}

let users = 0;

/** Registers a fresh v1 user and returns an Authorization header for it. */
export async function signUp(demo: DemoServer): Promise<{ authorization: string }> {
  const email = `user${++users}-${Date.now()}@example.com`;
  const password = 'correct horse';
  const registered = await call(demo, 'POST', '/api/v1/auth/register', { json: { email, password } });
  if (registered.status !== 201) throw new Error(`register failed: ${registered.text}`);
  const login = await call<{ access_token: string }>(demo, 'POST', '/api/v1/auth/login', {
    json: { email, password },
  });
  return { authorization: `Bearer ${login.body.access_token}` };
}

/** A clock the test moves by hand, for the demo's `clock` option. */
export function manualClock(startIso = '2024-03-01T09:00:00.000Z'): {
  now: () => number;
  advance: (ms: number) => void;
  t0: number;
} {
  const t0 = Date.parse(startIso);
  let t = t0;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
    t0,
  };
}
