/**
 * Bad input exits 2 with its message only; anything else is a bug in volley: exit 4, with the
 * stack and a request to report it.
 */

import { describe, expect, it } from 'vitest';
import { EXIT_BAD_INPUT, EXIT_INTERNAL } from '../../../src/cli/exit-codes.js';
import { reportError } from '../../../src/cli/report-error.js';
import { VolleyError } from '../../../src/errors.js';

function capture(error: unknown): { code: number; text: string } {
  let text = '';
  const code = reportError(error, { write: (chunk: string) => (text += chunk) });
  return { code, text };
}

describe('reportError', () => {
  it('gives bad input exit 2 and no stack', () => {
    const { code, text } = capture(new VolleyError('VOLLEY_E_USAGE', '--users: expected a number'));
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(text).toBe('volley: --users: expected a number\n');
  });

  it('gives an internal error exit 4, the stack and a request to report it', () => {
    const { code, text } = capture(new RangeError('Map maximum size exceeded'));
    expect(code).toBe(EXIT_INTERNAL);
    expect(EXIT_INTERNAL).toBe(4);
    expect(text).toContain('volley: internal error: Map maximum size exceeded');
    expect(text).toContain('This is a bug in volley, please report it');
    expect(text).toMatch(/\n\s+at /);
  });
});
