/**
 * Words for what HTTP/2 carries as numbers: a status has no reason phrase on the wire, so a
 * response's `statusText` (and a failed request's message, `HTTP 503 Service Unavailable`) uses
 * the standard phrase, as an HTTP/1.1 server would send it; a reset stream's error code is named
 * as RFC 9113 §7 names it. Messages carry no stream ids: they are error groups.
 */

import { STATUS_CODES } from 'node:http';

/** The standard reason phrase of `status`, or '' for a status without one. */
export function statusText(status: number): string {
  return STATUS_CODES[status] ?? '';
}

/** RFC 9113 §7's error codes, by number. */
const ERROR_CODES: readonly string[] = [
  'NO_ERROR',
  'PROTOCOL_ERROR',
  'INTERNAL_ERROR',
  'FLOW_CONTROL_ERROR',
  'SETTINGS_TIMEOUT',
  'STREAM_CLOSED',
  'FRAME_SIZE_ERROR',
  'REFUSED_STREAM',
  'CANCEL',
  'COMPRESSION_ERROR',
  'CONNECT_ERROR',
  'ENHANCE_YOUR_CALM',
  'INADEQUATE_SECURITY',
  'HTTP_1_1_REQUIRED',
];

/** The name of an HTTP/2 error code (`INTERNAL_ERROR`), or `code N` for one RFC 9113 does not name. */
export function errorCodeName(code: number): string {
  return ERROR_CODES[code] ?? `code ${code}`;
}

/** The message of a stream closed before its response ended, by its RST_STREAM code. */
export function resetMessage(code: number): string {
  return `stream reset before the response ended (${errorCodeName(code)})`;
}
