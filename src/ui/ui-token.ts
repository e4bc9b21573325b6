/**
 * The web UI's token: what lets only the people given the UI's URL start load from it when it
 * listens beyond loopback. Generated at start (or given with --ui-token / VOLLEY_UI_TOKEN) and
 * printed in the URL; the first visit with `?token=` sets a cookie that the page's own requests
 * then carry (HttpOnly: no script reads it; SameSite=Strict: no other site's request sends it).
 * Scripts may send it as `?token=` or `Authorization: Bearer`.
 */

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { VolleyError } from '../errors.js';

/** Characters that pass through a URL's query and a cookie unescaped. */
const TOKEN_PATTERN = /^[A-Za-z0-9._~-]{16,256}$/;

export function newUiToken(): string {
  return randomBytes(24).toString('base64url');
}

/** A token the user chose, checked so it survives the URL and the cookie, and is not trivially short. */
export function parseUiToken(text: string, flag: string): string {
  if (!TOKEN_PATTERN.test(text))
    throw new VolleyError(
      'VOLLEY_E_USAGE',
      `${flag}: expected 16 to 256 letters, digits or - _ . ~ (got ${text.length} characters${text.length >= 16 ? ' with others among them' : ''})`,
    );
  return text;
}

/** The cookie's name carries the port: cookies are not port-scoped, and two UIs may share a host. */
export function tokenCookieName(port: number): string {
  return `volley_ui_${port}`;
}

export function tokenCookie(port: number, token: string): string {
  return `${tokenCookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

/** The token a request presents, and whether it came in the query (the first visit). */
export function presentedToken(req: IncomingMessage, port: number): { token: string; fromQuery: boolean } | null {
  const query = new URL(req.url ?? '/', 'http://ui').searchParams.get('token');
  if (query !== null) return { token: query, fromQuery: true };
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (bearer !== undefined) return { token: bearer, fromQuery: false };
  const name = `${tokenCookieName(port)}=`;
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const pair = part.trim();
    if (pair.startsWith(name)) return { token: pair.slice(name.length), fromQuery: false };
  }
  return null;
}

/** Compares digests, so the time taken says nothing about the token. */
export function tokensMatch(expected: string, given: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(given));
}
