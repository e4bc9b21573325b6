/**
 * Seed 002's generation API: `POST /api/v1/generation/create` answers 202 with a queued task,
 * `GET /api/v1/generation/{id}` shows it move queued → running → done (generation-store.ts),
 * `GET /api/v1/generation/list` lists the caller's tasks. All need a logged-in user.
 */

import type { AccountStore } from '../account-store.js';
import { QueryFields, readFields } from '../fields.js';
import { GENERATION_MODELS, GENERATION_STATUSES, type GenerationStore } from '../generation-store.js';
import type { DemoRouter } from '../handler.js';
import { sendError, sendJson } from '../http-io.js';
import { requireUser } from './authenticate.js';

export const MAX_PROMPT_LENGTH = 2000;
export const MAX_OUTPUTS = 4;

export function registerGenerationRoutes(
  router: DemoRouter,
  store: GenerationStore,
  accounts: AccountStore,
): void {
  router
    .add('POST', '/api/v1/generation/create', async (ctx) => {
      const owner = requireUser(ctx, accounts);
      if (owner === undefined) return;
      const fields = await readFields(ctx.req, ctx.res);
      if (fields === undefined) return;
      const prompt = fields.string('prompt', { max: MAX_PROMPT_LENGTH });
      const model = fields.optionalOneOf('model', GENERATION_MODELS) ?? 'standard';
      const outputs = fields.optionalInteger('outputs', { min: 1, max: MAX_OUTPUTS }) ?? 1;
      if (fields.reject(ctx.res, 'invalid generation request')) return;
      const task = store.create(owner, { prompt, model, outputs });
      sendJson(ctx.res, 202, task, { location: `/api/v1/generation/${task.id}` });
    })
    .add('GET', '/api/v1/generation/list', (ctx) => {
      const owner = requireUser(ctx, accounts);
      if (owner === undefined) return;
      const q = new QueryFields(ctx.query);
      const limit = q.limit(20, 100);
      const status = q.oneOf('status', GENERATION_STATUSES);
      if (q.reject(ctx.res, 'invalid query')) return;
      sendJson(ctx.res, 200, store.list(owner, limit, status));
    })
    .add('GET', '/api/v1/generation/:id', (ctx) => {
      const owner = requireUser(ctx, accounts);
      if (owner === undefined) return;
      const task = store.get(owner, ctx.params.id as string);
      if (task === undefined) sendError(ctx.res, 404, `generation ${ctx.params.id ?? ''} not found`);
      else sendJson(ctx.res, 200, task);
    });
}
