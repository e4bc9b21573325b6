/**
 * What a demo route handler receives and returns. Kept apart from the router (which is generic)
 * and from the server (which builds the context) so each API area file depends only on this.
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteParams, Router } from './router.js';

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  /** Decoded `:name` path parameters. */
  params: RouteParams;
  /** The raw query string without `?`; empty when there is none. Parse it only where needed. */
  query: string;
}

/** Handlers answer through `http-io.ts`; a returned promise's rejection becomes a 500. */
export type DemoHandler = (ctx: RequestContext) => void | Promise<void>;

export type DemoRouter = Router<DemoHandler>;
