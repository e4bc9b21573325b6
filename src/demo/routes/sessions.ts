/**
 * Seed 004's TherapyBridge API: session CRUD for the logged-in user under `/sessions`, and
 * uploads of session recordings (`POST /sessions/upload` makes a new session from a recording,
 * `POST /sessions/:id/upload` adds one to an existing session) behind the per-user rate limit
 * that answers 429 with `Retry-After`. Upload bodies are counted, never kept.
 */

import type { AccountStore } from '../account-store.js';
import { type BodyFields, QueryFields, readFields } from '../fields.js';
import type { DemoRouter, RequestContext } from '../handler.js';
import { countBody, sendEmpty, sendError, sendJson } from '../http-io.js';
import { SESSION_STATUSES, type Session, type SessionPatch, type SessionStore } from '../session-store.js';
import type { UploadLimiter } from '../upload-limiter.js';
import { requireUser } from './authenticate.js';

const DATE = /^\d{4}-\d\d-\d\d$/;
const DURATION = { min: 1, max: 600 };
const MAX_NOTES = 10_000;
export const DEFAULT_DURATION_MINUTES = 50;

export interface SessionRouteDeps {
  store: SessionStore;
  accounts: AccountStore;
  limiter: UploadLimiter;
  maxUploadBytes: number;
  now: () => number;
}

export function registerSessionRoutes(router: DemoRouter, deps: SessionRouteDeps): void {
  const { store, accounts } = deps;
  router
    .add('GET', '/sessions', (ctx) => {
      const owner = requireUser(ctx, accounts);
      if (owner === undefined) return;
      const q = new QueryFields(ctx.query);
      const patientId = q.string('patientId', 100);
      const status = q.oneOf('status', SESSION_STATUSES);
      const limit = q.limit(20, 100);
      if (q.reject(ctx.res, 'invalid query')) return;
      sendJson(ctx.res, 200, store.list(owner, { patientId, status }, limit));
    })
    .add('POST', '/sessions', async (ctx) => {
      const owner = requireUser(ctx, accounts);
      if (owner === undefined) return;
      const fields = await readFields(ctx.req, ctx.res);
      if (fields === undefined) return;
      const patientId = fields.string('patientId', { max: 100 });
      const date = validDate(fields, fields.string('date', { min: 10, max: 10 }, DATE));
      const durationMinutes = fields.optionalInteger('durationMinutes', DURATION) ?? DEFAULT_DURATION_MINUTES;
      const notes = fields.optionalString('notes', { min: 0, max: MAX_NOTES }) ?? '';
      if (fields.reject(ctx.res, 'invalid session')) return;
      const session = store.create(owner, { patientId, date, durationMinutes, notes });
      sendJson(ctx.res, 201, session, { location: `/sessions/${session.id}` });
    })
    .add('POST', '/sessions/upload', (ctx) => upload(ctx, deps, 'new'))
    .add('GET', '/sessions/:id', (ctx) => {
      const session = ownSession(ctx, deps);
      if (session !== undefined) sendJson(ctx.res, 200, session);
    })
    .add('PATCH', '/sessions/:id', async (ctx) => {
      const owner = requireUser(ctx, accounts);
      if (owner === undefined) return;
      const fields = await readFields(ctx.req, ctx.res);
      if (fields === undefined) return;
      const patch: SessionPatch = {};
      const date = fields.optionalString('date', { min: 10, max: 10 }, DATE);
      if (date !== undefined) patch.date = validDate(fields, date);
      const durationMinutes = fields.optionalInteger('durationMinutes', DURATION);
      if (durationMinutes !== undefined) patch.durationMinutes = durationMinutes;
      const notes = fields.optionalString('notes', { min: 0, max: MAX_NOTES });
      if (notes !== undefined) patch.notes = notes;
      const status = fields.optionalOneOf('status', SESSION_STATUSES);
      if (status !== undefined) patch.status = status;
      if (fields.ok && Object.keys(patch).length === 0) {
        fields.details.push('body: give at least one of date, durationMinutes, notes, status');
      }
      if (fields.reject(ctx.res, 'invalid session update')) return;
      const session = store.update(owner, ctx.params.id as string, patch);
      if (session === undefined) sessionNotFound(ctx);
      else sendJson(ctx.res, 200, session);
    })
    .add('DELETE', '/sessions/:id', (ctx) => {
      const owner = requireUser(ctx, accounts);
      if (owner === undefined) return;
      if (store.delete(owner, ctx.params.id as string)) sendEmpty(ctx.res, 204);
      else sessionNotFound(ctx);
    })
    .add('POST', '/sessions/:id/upload', (ctx) => upload(ctx, deps, 'existing'));
}

/**
 * An upload: 401 without a user, 404 for a session not theirs, 429 + Retry-After past the
 * limit, 413 past the size cap, 400 when empty, else 201 `{ session, upload }`.
 */
async function upload(
  ctx: RequestContext,
  deps: SessionRouteDeps,
  target: 'new' | 'existing',
): Promise<void> {
  const { req, res } = ctx;
  const owner = requireUser(ctx, deps.accounts);
  if (owner === undefined) return;
  let session: Session | undefined;
  let patientId = 'unassigned';
  if (target === 'existing') {
    session = ownSession(ctx, deps, owner);
    if (session === undefined) return;
  } else {
    const q = new QueryFields(ctx.query);
    patientId = q.string('patientId', 100) ?? patientId;
    if (q.reject(res, 'invalid query')) return;
  }
  const permit = deps.limiter.take(owner);
  if (!permit.ok) {
    sendJson(
      res,
      429,
      {
        error: `upload rate limit exceeded: ${permit.limit} uploads per window; retry in ${permit.retryAfterSeconds} s`,
        retryAfterSeconds: permit.retryAfterSeconds,
      },
      {
        'retry-after': String(permit.retryAfterSeconds),
        'x-ratelimit-limit': permit.limit,
        'x-ratelimit-remaining': 0,
      },
    );
    return;
  }
  const body = await countBody(req, deps.maxUploadBytes);
  if (!body.ok) {
    sendError(res, body.status, body.error);
    return;
  }
  if (body.bytes === 0) {
    sendError(res, 400, 'upload body is empty');
    return;
  }
  session ??= deps.store.create(owner, {
    patientId,
    date: new Date(deps.now()).toISOString().slice(0, 10),
    durationMinutes: DEFAULT_DURATION_MINUTES,
    notes: '',
  });
  const contentType = req.headers['content-type'] ?? 'application/octet-stream';
  const received = deps.store.recordUpload(session, body.bytes, contentType);
  sendJson(
    res,
    201,
    { session, upload: received },
    { 'x-ratelimit-limit': permit.limit, 'x-ratelimit-remaining': permit.remaining },
  );
}

/** The caller's session named in the path, or undefined after answering 401 or 404. */
function ownSession(ctx: RequestContext, deps: SessionRouteDeps, known?: string): Session | undefined {
  const owner = known ?? requireUser(ctx, deps.accounts);
  if (owner === undefined) return undefined;
  const session = deps.store.get(owner, ctx.params.id as string);
  if (session === undefined) sessionNotFound(ctx);
  return session;
}

function sessionNotFound({ res, params }: RequestContext): void {
  sendError(res, 404, `session ${params.id ?? ''} not found`);
}

/** A YYYY-MM-DD that is a real calendar day (2024-02-30 is not). */
function validDate(fields: BodyFields, date: string): string {
  if (date === '') return date;
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
    fields.details.push(`date: ${date} is not a calendar date`);
  }
  return date;
}
