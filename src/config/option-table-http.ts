/**
 * The option table's HTTP client part: the defaults of every user's client, which a scenario's
 * `http` block may also set. See option-spec.ts for what each field means.
 */

import { DEFAULT_ACCEPT_ENCODING, DEFAULT_MAX_BODY_SIZE } from './http-defaults.js';
import { acceptEncoding, bool, byteSize, httpVersion, intAtLeast, positiveInt, requestTimeout } from './option-schemas.js';
import type { OptionSpec } from './option-spec.js';

export const HTTP_OPTIONS = {
  /** Default per-request timeout. */
  timeoutMs: {
    schema: requestTimeout,
    default: 60_000,
    unit: 'seconds',
    help: 'default per-request timeout (default 60s)',
    group: 'HTTP client:',
    flag: { name: 'timeout', value: '<duration>' },
    env: 'VOLLEY_TIMEOUT',
    configKey: 'timeout',
    scenarioPath: 'http.timeout',
    api: { name: 'timeout', takes: 'duration' },
  },
  /** Keep-alive connections per user and origin. */
  connections: {
    schema: positiveInt('a number of connections'),
    default: 6,
    help: 'keep-alive connections per user and origin (default 6)',
    group: 'HTTP client:',
    flag: { name: 'connections', value: '<n>' },
    env: 'VOLLEY_CONNECTIONS',
    configKey: 'connections',
    scenarioPath: 'http.connections',
    api: { name: 'connections', takes: 'number' },
  },
  /** Redirects a request follows (0: none; the 3xx is the response). */
  maxRedirects: {
    schema: intAtLeast(0, 'a number of redirects'),
    default: 10,
    help: 'redirects a request follows (default 10; 0: none)',
    group: 'HTTP client:',
    flag: { name: 'maxRedirects', value: '<n>' },
    env: 'VOLLEY_MAX_REDIRECTS',
    configKey: 'maxRedirects',
    scenarioPath: 'http.maxRedirects',
    api: { name: 'maxRedirects', takes: 'number' },
  },
  /** Accept any TLS certificate (a test system's self-signed one). */
  insecure: {
    schema: bool,
    default: false,
    help: "accept any TLS certificate (a test system's self-signed one)",
    group: 'HTTP client:',
    flag: { name: 'insecure' },
    env: 'VOLLEY_INSECURE',
    configKey: 'insecure',
    scenarioPath: 'http.insecure',
    api: { name: 'insecure', takes: 'boolean' },
  },
  /** The most response body bytes kept for the script; the rest is counted and dropped. */
  maxBodySize: {
    schema: byteSize,
    default: DEFAULT_MAX_BODY_SIZE,
    help: 'response body bytes kept for the script, e.g. 4MiB (default 4MiB)',
    group: 'HTTP client:',
    flag: { name: 'maxBodySize', value: '<size>' },
    env: 'VOLLEY_MAX_BODY_SIZE',
    configKey: 'maxBodySize',
    scenarioPath: 'http.maxBodySize',
    api: { name: 'maxBodySize', takes: 'size' },
  },
  /** Count response bodies without keeping any (k6's discardResponseBodies). */
  discardResponseBodies: {
    schema: bool,
    default: false,
    help: 'count response bodies without keeping them',
    group: 'HTTP client:',
    flag: { name: 'discardResponseBodies' },
    env: 'VOLLEY_DISCARD_RESPONSE_BODIES',
    configKey: 'discardResponseBodies',
    scenarioPath: 'http.discardResponseBodies',
    api: { name: 'discardResponseBodies', takes: 'boolean' },
  },
  /** The `accept-encoding` requests send; false for none. */
  acceptEncoding: {
    schema: acceptEncoding,
    default: DEFAULT_ACCEPT_ENCODING,
    help: "accept-encoding sent with requests (default 'gzip, deflate, br')",
    group: 'HTTP client:',
    flag: {
      name: 'acceptEncoding',
      value: '<list>',
      negation: {
        name: 'compression',
        help: 'send no accept-encoding (ask for uncompressed responses)',
        value: false,
        conflict: 'give --accept-encoding or --no-compression, not both',
      },
    },
    env: 'VOLLEY_ACCEPT_ENCODING',
    configKey: 'acceptEncoding',
    scenarioPath: 'http.acceptEncoding',
    api: { name: 'acceptEncoding', takes: 'schema' },
  },
  /** The HTTP version requests use (a request's own `httpVersion` overrides it). */
  httpVersion: {
    schema: httpVersion,
    default: 1,
    help: 'speak HTTP/2: h2 over TLS (ALPN) for https://, h2c (prior knowledge) for http://',
    group: 'HTTP client:',
    flag: { name: 'http2' },
    env: 'VOLLEY_HTTP_VERSION',
    configKey: 'httpVersion',
    scenarioPath: 'http.version',
    api: { name: 'httpVersion', takes: 'schema' },
  },
} as const satisfies Record<string, OptionSpec>;
