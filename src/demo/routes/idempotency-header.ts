/**
 * Reads the `Idempotency-Key` request header for the routes that honour it (lease creation,
 * platform payments): absent is fine, present must be 1 to 255 characters.
 */

import type { RequestContext } from '../handler.js';
import { sendError } from '../http-io.js';

export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** `{ key }` (key undefined when absent), or undefined after answering 400. */
export function readIdempotencyKey({ req, res }: RequestContext): { key: string | undefined } | undefined {
  const key = req.headers['idempotency-key'];
  if (key === undefined) return { key: undefined };
  if (typeof key === 'string' && key.length >= 1 && key.length <= MAX_IDEMPOTENCY_KEY_LENGTH) return { key };
  sendError(res, 400, `Idempotency-Key: must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`);
  return undefined;
}
