/**
 * The grouped error messages of failed requests. The recorder groups errors by message, so a
 * message must not carry what varies per request (a request id in a reason phrase, a port): each
 * distinct message is a group the run keeps in memory.
 */

import { formatDuration } from '../../core/units/duration.js';

/** Whether `status` is what the request expected (by default, anything under 400). */
export function isExpected(status: number, expect: number | readonly number[] | undefined): boolean {
  if (expect === undefined) return status < 400;
  if (typeof expect === 'number') return status === expect;
  return expect.includes(status);
}

/**
 * Reason phrases kept apart per status in error messages. A server that puts a request id in its
 * reason phrase would otherwise make every failure a new error group, and the run's memory grow
 * with each; past this many phrases for one status, they share one message.
 */
export const REASON_PHRASES_PER_STATUS = 16;

/** `HTTP 503 Service Unavailable`, built once per (status, reason phrase), for a bounded set. */
const statusMessages = new Map<number, Map<string, string>>();
export function statusMessage(status: number, statusText: string): string {
  let byText = statusMessages.get(status);
  if (byText === undefined) {
    byText = new Map();
    statusMessages.set(status, byText);
  }
  const cached = byText.get(statusText);
  if (cached !== undefined) return cached;
  if (byText.size >= REASON_PHRASES_PER_STATUS) return `HTTP ${status} (one of many reason phrases)`;
  const message = statusText === '' ? `HTTP ${status}` : `HTTP ${status} ${statusText}`;
  byText.set(statusText, message);
  return message;
}

/** Node's codes for a certificate it cannot trust; --insecure is the way past them on a test system. */
const UNTRUSTED_CERTIFICATE = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * A certificate Node cannot trust, named with the way past it on a test system (`--insecure`),
 * for every protocol over TLS; undefined for any other error. `what` is how the error is named.
 */
export function untrustedCertificate(error: Error, what: string): string | undefined {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !UNTRUSTED_CERTIFICATE.has(code)) return undefined;
  return `${what}: the target's TLS certificate is not trusted (--insecure accepts it on a test system)`;
}

/** The grouped error message of a request that got no (complete) response. */
export function describeError(error: Error, timeoutMs: number, connectTimeoutMs: number): string {
  switch ((error as { code?: unknown }).code) {
    case 'VOLLEY_HEADERS_TIMEOUT':
      return `timeout after ${formatDuration(timeoutMs, 'timeout')} waiting for headers`;
    case 'VOLLEY_BODY_TIMEOUT':
      return `timeout after ${formatDuration(timeoutMs, 'timeout')} waiting for body data`;
    case 'VOLLEY_CONNECT_TIMEOUT':
      return `timeout after ${formatDuration(connectTimeoutMs, 'timeout')} connecting`;
  }
  const untrusted = untrustedCertificate(error, error.message);
  if (untrusted !== undefined) return untrusted;
  if (error.message !== '') return error.message;
  // Node's happy-eyeballs connect (several addresses) fails with an AggregateError and no message.
  if (error instanceof AggregateError && error.errors[0] instanceof Error && error.errors[0].message !== '') {
    return error.errors[0].message;
  }
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : error.name;
}
