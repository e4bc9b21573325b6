/**
 * The demo's utility routes: health, readiness and liveness (seed 004's baseline checks), an
 * index of routes, and three probes with a known answer (a fixed delay, a chosen status, a
 * chosen body size). Tests use them to check that volley measures a server truly, so they do
 * the least work possible: `/delay/:ms` is one plain setTimeout, and none of them get the
 * injected latency or failures of the API routes.
 */

import type { DemoRouter, RequestContext } from '../handler.js';
import { sendBytes, sendEmpty, sendError, sendJson, sendJsonText } from '../http-io.js';

export const MAX_DELAY_MS = 60_000;
export const MAX_BYTES = 10 * 1024 * 1024;

const HEALTH_BODY = JSON.stringify({ status: 'ok' });
const READY_BODY = JSON.stringify({ status: 'ready' });
const LIVE_BODY = JSON.stringify({ status: 'alive' });
const NON_NEGATIVE_INT = /^\d{1,9}$/;

/** One buffer of filler bytes, grown on demand and sliced per request (no copy). */
let filler: Buffer = Buffer.alloc(0);

export function registerProbeRoutes(router: DemoRouter): void {
  let indexBody: string | undefined;
  router
    .add('GET', '/health', ({ res }) => sendJsonText(res, 200, HEALTH_BODY))
    .add('GET', '/', ({ res }) => {
      // Built on first use, after every area has registered its routes.
      indexBody ??= JSON.stringify({
        name: 'volley demo target',
        routes: router.routes().map((r) => `${r.method} ${r.pattern}`),
      });
      sendJsonText(res, 200, indexBody);
    })
    .add('GET', '/delay/:ms', delay)
    .add('GET', '/status/:code', status)
    .add('GET', '/bytes/:n', bytes)
    .add('GET', '/ready', ({ res }) => sendJsonText(res, 200, READY_BODY))
    .add('GET', '/live', ({ res }) => sendJsonText(res, 200, LIVE_BODY));
}

function delay({ res, params }: RequestContext): void {
  const ms = parseBounded(params.ms, MAX_DELAY_MS);
  if (ms === undefined) {
    sendError(res, 400, `delay must be an integer number of milliseconds from 0 to ${MAX_DELAY_MS}`);
    return;
  }
  const timer = setTimeout(() => sendJson(res, 200, { delayedMs: ms }), ms);
  // A client that gives up (or a server closing) must not leave a timer holding the process.
  res.once('close', () => clearTimeout(timer));
}

function status({ res, params }: RequestContext): void {
  const code = parseBounded(params.code, 599);
  if (code === undefined || code < 100) {
    sendError(res, 400, 'status must be an integer from 100 to 599');
    return;
  }
  if (code < 200) {
    // 1xx codes are informational in HTTP: sent as a final status they leave clients waiting.
    sendError(res, 400, `status ${code} is informational and cannot end a response; use 200 to 599`);
    return;
  }
  if (code === 204 || code === 205 || code === 304) {
    sendEmpty(res, code);
    return;
  }
  sendJson(res, code, { status: code });
}

function bytes({ res, params }: RequestContext): void {
  const n = parseBounded(params.n, MAX_BYTES);
  if (n === undefined) {
    sendError(res, 400, `byte count must be an integer from 0 to ${MAX_BYTES}`);
    return;
  }
  if (filler.length < n) filler = Buffer.alloc(n, 0x78);
  sendBytes(res, 200, filler.subarray(0, n), 'application/octet-stream');
}

/** A non-negative integer no larger than `max`, or undefined. */
function parseBounded(text: string | undefined, max: number): number | undefined {
  if (text === undefined || !NON_NEGATIVE_INT.test(text)) return undefined;
  const value = Number(text);
  return value <= max ? value : undefined;
}
