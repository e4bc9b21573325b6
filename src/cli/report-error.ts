/**
 * Turns an error into what the user reads: a coded VolleyError becomes its message (which names
 * the file and line, or the flag and what it accepts), never a stack trace. Anything else is a
 * bug in volley; its stack is shown only with VOLLEY_DEBUG=1.
 */

import { isVolleyError } from '../errors.js';
import { EXIT_BAD_INPUT } from './exit-codes.js';

export function reportError(error: unknown, stderr: { write(text: string): unknown }): number {
  if (isVolleyError(error)) {
    stderr.write(`volley: ${error.message}\n`);
    if (process.env.VOLLEY_DEBUG === '1' && error.cause !== undefined)
      stderr.write(`${String(error.cause)}\n`);
    return EXIT_BAD_INPUT;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`volley: unexpected error: ${message}\n`);
  if (process.env.VOLLEY_DEBUG === '1' && error instanceof Error) stderr.write(`${error.stack ?? ''}\n`);
  else stderr.write('(set VOLLEY_DEBUG=1 to see where it happened, and please report it)\n');
  return EXIT_BAD_INPUT;
}
