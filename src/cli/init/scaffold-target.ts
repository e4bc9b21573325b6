/**
 * What `volley init` scaffolds against: a URL the user gave (its origin becomes the scenario's
 * host, its path the first request), or the embedded demo service when none is given.
 */

import { VolleyError } from '../../errors.js';

export interface ScaffoldTarget {
  /** `http://127.0.0.1:8000`: the scenario's host. */
  origin: string;
  /** The requests of the first task, paths under the origin. */
  paths: readonly string[];
  /** Whether the target is volley's own demo service (runs then take `--demo`). */
  demo: boolean;
}

/** The demo service's address in examples; `--demo` runs replace it with the one they start. */
const DEMO_ORIGIN = 'http://127.0.0.1:8000';

export function scaffoldTarget(url: string | undefined): ScaffoldTarget {
  if (url === undefined) return { origin: DEMO_ORIGIN, paths: ['/health', '/api/items'], demo: true };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new VolleyError('VOLLEY_E_USAGE', `--url: expected the service's URL such as http://127.0.0.1:3000/health, got '${url}'`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new VolleyError('VOLLEY_E_USAGE', `--url: expected an http:// or https:// URL, got '${url}'`);
  return { origin: parsed.origin, paths: [`${parsed.pathname}${parsed.search}`], demo: false };
}
