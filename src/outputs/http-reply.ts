/**
 * One whole HTTP reply, never cached: for the small servers volley runs beside a load test (the
 * Prometheus endpoint, the web UI).
 */

import type { ServerResponse } from 'node:http';

export function sendReply(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(body);
}
