/**
 * `/api/items`: a CRUD API over a capped in-memory store, the demo's stand-in for a typical
 * JSON resource. Input is validated once, collecting every problem, so a load test's checks
 * can assert on a 400's `details` as well as on the happy path.
 */

import type { DemoRouter, RequestContext } from '../handler.js';
import { readJsonBody, sendEmpty, sendError, sendJson } from '../http-io.js';
import { ItemStore } from '../item-store.js';

export const DEFAULT_LIST_LIMIT = 20;
export const MAX_LIST_LIMIT = 100;
export const MAX_NAME_LENGTH = 100;

export type ItemInputResult = { ok: true; name: string; price: number } | { ok: false; details: string[] };

/** Checks a POST/PUT body: `{ name: string (1..100 chars), price: number >= 0 }`. */
export function validateItemInput(body: unknown): ItemInputResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, details: ['body: must be a JSON object with name and price'] };
  }
  const { name, price } = body as Record<string, unknown>;
  const details: string[] = [];
  if (typeof name !== 'string' || name.length < 1 || name.length > MAX_NAME_LENGTH) {
    details.push(`name: must be a string of 1 to ${MAX_NAME_LENGTH} characters`);
  }
  if (typeof price !== 'number' || !Number.isFinite(price) || price < 0) {
    details.push('price: must be a number >= 0');
  }
  if (details.length > 0) return { ok: false, details };
  return { ok: true, name: name as string, price: price as number };
}

export function registerItemRoutes(router: DemoRouter, store: ItemStore = new ItemStore()): void {
  router
    .add('GET', '/api/items', ({ res, query }) => {
      const limit = parseLimit(query);
      if (limit === undefined) {
        sendError(res, 400, 'invalid query', [
          `limit: must be a positive integer (at most ${MAX_LIST_LIMIT})`,
        ]);
        return;
      }
      sendJson(res, 200, { items: store.list(limit), total: store.size });
    })
    .add('POST', '/api/items', async ({ req, res }) => {
      const input = await readItemInput(req, res);
      if (input === undefined) return;
      sendJson(res, 201, store.create(input.name, input.price));
    })
    .add('GET', '/api/items/:id', ({ res, params }) => {
      const item = store.get(params.id as string);
      if (item === undefined) notFound(res, params.id);
      else sendJson(res, 200, item);
    })
    .add('PUT', '/api/items/:id', async ({ req, res, params }) => {
      const input = await readItemInput(req, res);
      if (input === undefined) return;
      const item = store.update(params.id as string, input.name, input.price);
      if (item === undefined) notFound(res, params.id);
      else sendJson(res, 200, item);
    })
    .add('DELETE', '/api/items/:id', ({ res, params }) => {
      if (store.delete(params.id as string)) sendEmpty(res, 204);
      else notFound(res, params.id);
    });
}

/** Reads and validates an item body, answering the error itself; undefined when it did. */
async function readItemInput(
  req: RequestContext['req'],
  res: RequestContext['res'],
): Promise<{ name: string; price: number } | undefined> {
  const body = await readJsonBody(req);
  if (!body.ok) {
    sendError(res, body.status, body.error);
    return undefined;
  }
  const input = validateItemInput(body.value);
  if (!input.ok) {
    sendError(res, 400, 'invalid item', input.details);
    return undefined;
  }
  return input;
}

function notFound(res: RequestContext['res'], id: string | undefined): void {
  sendError(res, 404, `item ${id ?? ''} not found`);
}

/** `?limit=`: default 20, clamped to 100; undefined when present but not a positive integer. */
function parseLimit(query: string): number | undefined {
  if (query === '') return DEFAULT_LIST_LIMIT;
  const text = new URLSearchParams(query).get('limit');
  if (text === null) return DEFAULT_LIST_LIMIT;
  if (!/^\d{1,9}$/.test(text)) return undefined;
  const limit = Number(text);
  if (limit < 1) return undefined;
  return Math.min(limit, MAX_LIST_LIMIT);
}
