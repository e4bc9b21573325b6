/**
 * Terminal colour, with no dependency: whether to colour a stream (FORCE_COLOR, NO_COLOR, TERM
 * and the TTY, in Node's own order of precedence), and a palette of plain ANSI escapes that
 * collapses to the identity when colour is off, so renderers never branch on it.
 */

import type { TextStream } from './output.js';

export interface Palette {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

function sgr(open: number, close: number): (text: string) => string {
  return (text) => (text === '' ? '' : `\u001b[${open}m${text}\u001b[${close}m`);
}

const identity = (text: string): string => text;

const COLOR: Palette = {
  enabled: true,
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  red: sgr(31, 39),
  green: sgr(32, 39),
  yellow: sgr(33, 39),
  cyan: sgr(36, 39),
};

const PLAIN: Palette = {
  enabled: false,
  bold: identity,
  dim: identity,
  red: identity,
  green: identity,
  yellow: identity,
  cyan: identity,
};

export function palette(enabled: boolean): Palette {
  return enabled ? COLOR : PLAIN;
}

/**
 * FORCE_COLOR wins when set (`0`/`false` force it off, anything else on, as in Node's
 * `tty.hasColors`); then a non-empty NO_COLOR (no-color.org) or TERM=dumb turn it off;
 * otherwise only a TTY gets colour, so files and pipes stay plain.
 */
export function colorEnabled(
  stream: Pick<TextStream, 'isTTY'>,
  env: Readonly<Record<string, string | undefined>> = process.env,
): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

// eslint-disable-next-line no-control-regex -- colour escapes begin with ESC.
const ANSI = /\u001b\[[0-9;]*m/g;

/** The text a person sees, without colour escapes (for measuring and for tests). */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}
