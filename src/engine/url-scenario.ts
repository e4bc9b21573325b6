/**
 * URL quick mode (`volley run --url http://127.0.0.1:8080/health -u 50 -t 30s`): a scenario of
 * one user class sending one request over and over, with no script to write.
 */

import { markScenario, markUser, type ScenarioDefinition, type UserDefinition } from './scenario-definition.js';
import { constant } from './wait-time.js';
import { VolleyError } from '../errors.js';

export interface UrlModeOptions {
  url: string;
  method: string;
  body?: string | undefined;
  headers: readonly string[];
}

export function urlScenario(options: UrlModeOptions): {
  scenario: ScenarioDefinition<unknown>;
  host: string;
} {
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    throw new VolleyError(
      'VOLLEY_E_USAGE',
      `--url: expected an http:// or https:// URL, got '${options.url}'`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new VolleyError(
      'VOLLEY_E_USAGE',
      `--url: expected an http:// or https:// URL, got '${options.url}'`,
    );
  }
  const headers = parseHeaders(options.headers);
  if (options.body !== undefined && headers['content-type'] === undefined && looksLikeJson(options.body)) {
    headers['content-type'] = 'application/json';
  }
  const method = options.method.toUpperCase();
  if (!/^[A-Z]+$/.test(method)) {
    throw new VolleyError(
      'VOLLEY_E_USAGE',
      `-m/--method: expected an HTTP method like GET or POST, got '${options.method}'`,
    );
  }
  const path = `${url.pathname}${url.search}`;
  const requestOptions = {
    name: url.pathname,
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(options.body === undefined ? {} : { body: options.body }),
  };
  const definition: UserDefinition = {
    name: 'url',
    wait: constant(0),
    tasks: [
      { name: `${method} ${url.pathname}`, run: ({ http }) => http.request(method, path, requestOptions) },
    ],
  };
  const user = markUser(definition);
  // A quick run is bounded by default, like autocannon's 10 s; -t, a profile or a rate override it.
  return {
    // Named by what it requests, not where: runs against another port stay comparable in history.
    scenario: markScenario<ScenarioDefinition>({
      name: `url ${method} ${url.pathname}`,
      users: [user],
      load: { duration: '10s' },
    }),
    host: url.origin,
  };
}

function parseHeaders(lines: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) {
      throw new VolleyError('VOLLEY_E_USAGE', `--header: expected 'name: value', got '${line}'`);
    }
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function looksLikeJson(body: string): boolean {
  try {
    JSON.parse(body);
    return /^\s*[[{]/.test(body);
  } catch {
    return false;
  }
}
