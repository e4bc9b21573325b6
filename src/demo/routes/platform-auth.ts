/**
 * Seed 002's auth API, `/api/v1/auth/register` and `/api/v1/auth/login`, in the FastAPI style
 * that seed's backend has (`{ access_token, token_type: 'bearer' }`). Accounts are the same
 * store as `/api/auth/*`, keyed by email, so a v1 token opens every authenticated area.
 */

import type { AccountStore } from '../account-store.js';
import { readFields } from '../fields.js';
import type { DemoRouter } from '../handler.js';
import { sendError, sendJson } from '../http-io.js';

/** Deliberately loose: one @, a dot in the domain, no spaces. */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MIN_PASSWORD_LENGTH = 8;
/** Tokens never expire in the demo; the figure is what the seed's clients expect to read. */
export const TOKEN_EXPIRES_IN_SECONDS = 3600;

export function registerPlatformAuthRoutes(router: DemoRouter, accounts: AccountStore): void {
  router
    .add('POST', '/api/v1/auth/register', async ({ req, res }) => {
      const fields = await readFields(req, res);
      if (fields === undefined) return;
      const email = fields.string('email', { min: 3, max: 254 }, EMAIL);
      const password = fields.string('password', { min: MIN_PASSWORD_LENGTH, max: 200 });
      const name = fields.optionalString('name', { max: 100 });
      if (fields.reject(res, 'invalid registration')) return;
      if (!accounts.register(email.toLowerCase(), password)) {
        sendError(res, 409, `email ${email} is already registered`);
        return;
      }
      sendJson(res, 201, { email: email.toLowerCase(), name: name ?? null });
    })
    .add('POST', '/api/v1/auth/login', async ({ req, res }) => {
      const fields = await readFields(req, res);
      if (fields === undefined) return;
      const email = fields.string('email', { min: 3, max: 254 });
      const password = fields.string('password', { max: 200 });
      if (fields.reject(res, 'invalid login')) return;
      const token = accounts.login(email.toLowerCase(), password);
      if (token === undefined) {
        sendError(res, 401, 'invalid email or password');
        return;
      }
      sendJson(res, 200, { access_token: token, token_type: 'bearer', expires_in: TOKEN_EXPIRES_IN_SECONDS });
    });
}
