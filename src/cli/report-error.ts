/**
 * Turns an error into what the user reads: a coded VolleyError becomes its message (which names
 * the file and line, or the flag and what it accepts), never a stack trace, and exit code 2.
 * Anything else is a bug in volley: exit code 4, with the stack, to be reported.
 */

import { isVolleyError } from '../errors.js';
import { EXIT_BAD_INPUT, EXIT_INTERNAL } from './exit-codes.js';

export function reportError(error: unknown, stderr: { write(text: string): unknown }): number {
  if (isVolleyError(error)) {
    stderr.write(`volley: ${error.message}\n`);
    if (process.env.VOLLEY_DEBUG === '1' && error.cause !== undefined)
      stderr.write(`${String(error.cause)}\n`);
    return EXIT_BAD_INPUT;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`volley: internal error: ${message}\n`);
  stderr.write('This is a bug in volley, please report it with what follows:\n');
  stderr.write(`${error instanceof Error ? (error.stack ?? message) : message}\n`);
  return EXIT_INTERNAL;
}
