/**
 * Decoding a WebSocket frame from the other end of a distributed run: text, JSON, and then the
 * message's schema. The answer is the typed message or what the frame was instead (`a frame that
 * is not JSON`), for the refusal and the log line.
 */

import type { RawData } from 'ws';
import type { z } from 'zod';

export type Decoded<T> = { ok: true; message: T } | { ok: false; problem: string };

export function decodeFrame<T>(schema: z.ZodType<T>, data: RawData, isBinary: boolean): Decoded<T> {
  if (isBinary) return { ok: false, problem: 'a binary frame (messages are JSON text)' };
  let value: unknown;
  try {
    value = JSON.parse(frameText(data));
  } catch {
    return { ok: false, problem: 'a frame that is not JSON' };
  }
  return decodeValue(schema, value);
}

/** An already parsed value against a schema. */
export function decodeValue<T>(schema: z.ZodType<T>, value: unknown): Decoded<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, message: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? '' : `${issue.path.join('.')}: `;
  return { ok: false, problem: `a malformed message (${where}${issue?.message ?? 'invalid'})` };
}

function frameText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}
