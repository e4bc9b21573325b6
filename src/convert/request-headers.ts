/**
 * Which recorded headers a scenario keeps. The client sets its own transport headers, the cookie
 * jar replays cookies, and a browser's fingerprint (`user-agent`, `sec-*`) is noise in a load
 * test; secrets become environment variables so a converted file can be committed.
 */

import type { HeaderValue } from './scenario-model.js';

/** Headers the client or the jar provides, or that only describe the browser. */
const NOISE = new Set([
  'host', 'connection', 'content-length', 'accept-encoding', 'user-agent', 'cookie', 'origin', 'referer',
  'pragma', 'cache-control', 'upgrade-insecure-requests', 'priority', 'dnt', 'te', 'keep-alive',
  'if-none-match', 'if-modified-since', 'accept-language', 'purpose', 'transfer-encoding',
]);
/** Headers that carry credentials even though their names do not say so. */
const SECRET_NAMES = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'api-key', 'apikey']);
const SECRET_WORDS = /token|secret|api[-_]?key|auth|session|csrf|xsrf|signature|password/i;

export function isNoiseHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return NOISE.has(lower) || lower.startsWith('sec-') || lower.startsWith(':');
}

export function isSecretHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return SECRET_NAMES.has(lower) || SECRET_WORDS.test(lower);
}

/** The variable a secret header is read from: `API_TOKEN` for authorization, `API_KEY` for x-api-key. */
export function secretVariable(name: string): string {
  const lower = name.toLowerCase();
  if (lower === 'authorization' || lower === 'proxy-authorization') return 'API_TOKEN';
  if (lower === 'x-api-key' || lower === 'api-key' || lower === 'apikey') return 'API_KEY';
  return lower.replace(/^x-/, '').replace(/[^a-z0-9]+/g, '_').toUpperCase();
}

/**
 * A secret header's value as a variable: the scheme of an `Authorization` value stays
 * (`Bearer ` + the token from the environment); the credential itself never does.
 */
export function secretHeaderValue(name: string, recorded: string): HeaderValue {
  const scheme = /^(bearer|basic|token|digest|apikey)\s+/i.exec(recorded);
  return { kind: 'env', variable: secretVariable(name), prefix: scheme === null ? '' : `${scheme[1] ?? ''} ` };
}
