/** The scenario's setup() and teardown(): a throw in either is the scenario's error, with where. */

import { VolleyError } from '../errors.js';

export async function runHook<T>(what: string, origin: string, hook: () => T | Promise<T>): Promise<Awaited<T>> {
  try {
    return await hook();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new VolleyError('VOLLEY_E_SCENARIO', `${origin}: ${what} failed: ${message}`, { cause: error });
  }
}
