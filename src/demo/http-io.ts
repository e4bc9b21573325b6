/**
 * Reading JSON request bodies and writing responses for the demo target. Every route answers
 * through these, so status codes, headers and error shapes stay uniform across API areas, and
 * the per-request work stays small (one stringify, one write; no framework).
 */

import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** Bodies above this are refused with 413; the demo has no use for larger JSON. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415; error: string };

const JSON_TYPE = 'application/json; charset=utf-8';

/** True for `application/json` and `application/*+json`, with or without parameters. */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const semi = header.indexOf(';');
  const type = (semi === -1 ? header : header.slice(0, semi)).trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/**
 * Reads and parses a JSON body. Rejects a non-JSON content type before reading (415), an
 * oversized body (413; the rest is drained so the keep-alive connection stays usable), and
 * malformed or empty JSON (400).
 */
export function readJsonBody(req: IncomingMessage, maxBytes = MAX_JSON_BODY_BYTES): Promise<BodyResult> {
  if (!isJsonContentType(req.headers['content-type'])) {
    return Promise.resolve({ ok: false, status: 415, error: 'content-type must be application/json' });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('error', () => resolve({ ok: false, status: 400, error: 'request body could not be read' }));
    req.on('end', () => {
      if (tooLarge) {
        resolve({ ok: false, status: 413, error: `request body exceeds ${maxBytes} bytes` });
        return;
      }
      const text =
        chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks).toString('utf8');
      try {
        resolve({ ok: true, value: JSON.parse(text) as unknown });
      } catch {
        resolve({ ok: false, status: 400, error: 'request body is not valid JSON' });
      }
    });
  });
}

/** Writes a JSON response with an exact Content-Length (keeps keep-alive cheap: no chunking). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers?: OutgoingHttpHeaders,
): void {
  sendJsonText(res, status, JSON.stringify(body), headers);
}

/** Like sendJson for a body serialized once ahead of time (the hottest routes). */
export function sendJsonText(
  res: ServerResponse,
  status: number,
  text: string,
  headers?: OutgoingHttpHeaders,
): void {
  if (res.headersSent || res.destroyed) return;
  if (headers !== undefined) {
    for (const name in headers) res.setHeader(name, headers[name] as string | number | readonly string[]);
  }
  res.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** An error response: `{ error, details? }`, the one error shape every route uses. */
export function sendError(
  res: ServerResponse,
  status: number,
  error: string,
  details?: readonly string[],
  headers?: OutgoingHttpHeaders,
): void {
  sendJson(res, status, details === undefined ? { error } : { error, details }, headers);
}

/** A response with no body (204, 205, 304). */
export function sendEmpty(res: ServerResponse, status: number): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status);
  res.end();
}

/** Raw bytes with an exact Content-Length. */
export function sendBytes(res: ServerResponse, status: number, bytes: Uint8Array, contentType: string): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'content-type': contentType, 'content-length': bytes.byteLength });
  res.end(bytes);
}

/** A text body (CSV, plain text) with an exact Content-Length and optional extra headers. */
export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  contentType: string,
  headers?: OutgoingHttpHeaders,
): void {
  if (res.headersSent || res.destroyed) return;
  if (headers !== undefined) {
    for (const name in headers) res.setHeader(name, headers[name] as string | number | readonly string[]);
  }
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export type CountedBody = { ok: true; bytes: number } | { ok: false; status: 413; error: string };

/**
 * Reads a body to its end and counts it without keeping it (uploads). A declared
 * Content-Length over the cap is refused before reading; an undeclared body that grows past
 * the cap is drained and refused, so the keep-alive connection stays usable either way.
 */
export function countBody(req: IncomingMessage, maxBytes: number): Promise<CountedBody> {
  const tooLarge = { ok: false, status: 413, error: `request body exceeds ${maxBytes} bytes` } as const;
  const declared = Number(req.headers['content-length']);
  // Node reads and discards the rest of an unread body once the response has been sent.
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.resolve(tooLarge);
  return new Promise((resolve) => {
    let bytes = 0;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    req.on('error', () => resolve(tooLarge));
    req.on('end', () => resolve(bytes > maxBytes ? tooLarge : { ok: true, bytes }));
  });
}
