/**
 * `/api/auth/*` and `/api/me`: register, log in, and an authenticated endpoint that accepts
 * either a bearer token or the `session` cookie set at login, so examples can exercise both
 * header-based auth and the HTTP client's cookie jar.
 */

import { AccountStore } from '../account-store.js';
import type { DemoRouter, RequestContext } from '../handler.js';
import { readJsonBody, sendError, sendJson } from '../http-io.js';
import { requireUser } from './authenticate.js';

export { cookieValue } from './authenticate.js';

export const MAX_USERNAME_LENGTH = 100;
export const MAX_PASSWORD_LENGTH = 200;

export type CredentialsResult =
  | { ok: true; username: string; password: string }
  | { ok: false; details: string[] };

/** Checks `{ username: string (1..100 chars), password: string (1..200 chars) }`. */
export function validateCredentials(body: unknown): CredentialsResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, details: ['body: must be a JSON object with username and password'] };
  }
  const { username, password } = body as Record<string, unknown>;
  const details: string[] = [];
  if (typeof username !== 'string' || username.length < 1 || username.length > MAX_USERNAME_LENGTH) {
    details.push(`username: must be a string of 1 to ${MAX_USERNAME_LENGTH} characters`);
  }
  if (typeof password !== 'string' || password.length < 1 || password.length > MAX_PASSWORD_LENGTH) {
    details.push(`password: must be a string of 1 to ${MAX_PASSWORD_LENGTH} characters`);
  }
  if (details.length > 0) return { ok: false, details };
  return { ok: true, username: username as string, password: password as string };
}

export function registerAuthRoutes(router: DemoRouter, accounts: AccountStore = new AccountStore()): void {
  router
    .add('POST', '/api/auth/register', async ({ req, res }) => {
      const credentials = await readCredentials(req, res);
      if (credentials === undefined) return;
      if (!accounts.register(credentials.username, credentials.password)) {
        sendError(res, 409, `username ${credentials.username} is already registered`);
        return;
      }
      sendJson(res, 201, { username: credentials.username });
    })
    .add('POST', '/api/auth/login', async ({ req, res }) => {
      const credentials = await readCredentials(req, res);
      if (credentials === undefined) return;
      const token = accounts.login(credentials.username, credentials.password);
      if (token === undefined) {
        sendError(res, 401, 'invalid username or password');
        return;
      }
      sendJson(res, 200, { token }, { 'set-cookie': `session=${token}; Path=/; HttpOnly` });
    })
    .add('GET', '/api/me', (ctx) => {
      const username = requireUser(ctx, accounts);
      if (username !== undefined) sendJson(ctx.res, 200, { username });
    });
}

async function readCredentials(
  req: RequestContext['req'],
  res: RequestContext['res'],
): Promise<{ username: string; password: string } | undefined> {
  const body = await readJsonBody(req);
  if (!body.ok) {
    sendError(res, body.status, body.error);
    return undefined;
  }
  const credentials = validateCredentials(body.value);
  if (!credentials.ok) {
    sendError(res, 400, 'invalid request body', credentials.details);
    return undefined;
  }
  return credentials;
}
