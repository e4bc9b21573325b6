/**
 * Who is calling: the user behind a bearer token or the `session` cookie set at login. Every
 * authenticated area (`/api/me`, generation, platform payments, sessions) goes through
 * `requireUser`, so they share one account store and one 401 shape; a token from
 * `/api/auth/login` and one from `/api/v1/auth/login` work everywhere.
 */

import type { IncomingHttpHeaders } from 'node:http';
import type { AccountStore } from '../account-store.js';
import type { RequestContext } from '../handler.js';
import { sendError } from '../http-io.js';

export const AUTH_REQUIRED_MESSAGE =
  'authentication required: Authorization: Bearer <token> or the session cookie';

/** The user behind a bearer token or, failing that, the `session` cookie. */
export function authenticate(headers: IncomingHttpHeaders, accounts: AccountStore): string | undefined {
  const authorization = headers.authorization;
  if (authorization !== undefined && /^bearer /i.test(authorization)) {
    const username = accounts.whoIs(authorization.slice(7).trim());
    if (username !== undefined) return username;
  }
  const session = cookieValue(headers.cookie, 'session');
  return session === undefined ? undefined : accounts.whoIs(session);
}

/** The caller's username, or undefined after answering 401 with `WWW-Authenticate: Bearer`. */
export function requireUser({ req, res }: RequestContext, accounts: AccountStore): string | undefined {
  const username = authenticate(req.headers, accounts);
  if (username === undefined) {
    sendError(res, 401, AUTH_REQUIRED_MESSAGE, undefined, { 'www-authenticate': 'Bearer' });
  }
  return username;
}

/** One cookie's value from a `Cookie` header (`a=1; session=xyz`). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
