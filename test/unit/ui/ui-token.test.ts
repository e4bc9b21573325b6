/**
 * The web UI's token: generated tokens are long and random, a chosen one is checked, and a
 * request presents it by query, bearer header or the per-port cookie.
 */

import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { isVolleyError } from '../../../src/errors.js';
import { newUiToken, parseUiToken, presentedToken, tokensMatch } from '../../../src/ui/ui-token.js';

const req = (url: string, headers: Record<string, string> = {}): IncomingMessage =>
  ({ url, headers }) as unknown as IncomingMessage;

describe('ui token', () => {
  it('generates a fresh 32-character token each time, which passes its own check', () => {
    const a = newUiToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(newUiToken()).not.toBe(a);
    expect(parseUiToken(a, '--ui-token')).toBe(a);
  });

  it('refuses a short token or one with characters a URL would escape, naming the flag', () => {
    for (const text of ['short', 'has spaces in it, sixteen+', 'x'.repeat(257)]) {
      let error: unknown;
      try {
        parseUiToken(text, 'VOLLEY_UI_TOKEN');
      } catch (caught) {
        error = caught;
      }
      expect(isVolleyError(error) && error.message.startsWith('VOLLEY_UI_TOKEN: expected')).toBe(true);
    }
  });

  it('reads the token from the query, a bearer header or this port\'s cookie', () => {
    expect(presentedToken(req('/?token=abc'), 8089)).toEqual({ token: 'abc', fromQuery: true });
    expect(presentedToken(req('/', { authorization: 'Bearer abc' }), 8089)).toEqual({ token: 'abc', fromQuery: false });
    const cookie = { cookie: 'other=1; volley_ui_9000=zzz; volley_ui_8089=abc' };
    expect(presentedToken(req('/events', cookie), 8089)).toEqual({ token: 'abc', fromQuery: false });
    expect(presentedToken(req('/events', { cookie: 'volley_ui_9000=zzz' }), 8089)).toBeNull();
    expect(tokensMatch('abc', 'abc')).toBe(true);
    expect(tokensMatch('abc', 'abcd')).toBe(false);
  });
});
