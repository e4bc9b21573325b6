import { describe, expect, it } from 'vitest';
import { colorEnabled, palette, stripAnsi } from '../../../src/outputs/color.js';
import { oneLine, textWidth, truncate } from '../../../src/outputs/text.js';

describe('truncate', () => {
  it('leaves text that fits alone', () => {
    expect(truncate('abcdef', 6)).toBe('abcdef');
  });

  it('cuts the end or the middle, marking the cut', () => {
    expect(truncate('abcdefgh', 5)).toBe('abcd…');
    expect(truncate('abcdefgh', 5, 'middle')).toBe('ab…gh');
    expect(truncate('abcdefgh', 6, 'middle')).toBe('abc…gh');
    expect(truncate('abcdefgh', 2, 'middle')).toBe('a…');
    expect(truncate('abcdefgh', 1)).toBe('…');
    expect(truncate('abcdefgh', 0)).toBe('');
  });

  it('counts code points, not UTF-16 units', () => {
    expect(truncate('✓😀abc', 4)).toBe('✓😀a…');
    expect(textWidth('✓😀abc')).toBe(5);
  });
});

describe('text helpers', () => {
  it('measures visible text only', () => {
    expect(textWidth(palette(true).red('ab'))).toBe(2);
  });

  it('collapses whitespace to one line', () => {
    expect(oneLine('  TypeError: x\n    at run (a.ts:1:2)\t ')).toBe('TypeError: x at run (a.ts:1:2)');
  });
});

describe('colour', () => {
  it('colours only a TTY by default', () => {
    expect(colorEnabled({ isTTY: true }, {})).toBe(true);
    expect(colorEnabled({ isTTY: false }, {})).toBe(false);
    expect(colorEnabled({}, {})).toBe(false);
  });

  it('honours NO_COLOR, TERM=dumb and FORCE_COLOR, FORCE_COLOR first', () => {
    expect(colorEnabled({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
    expect(colorEnabled({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
    expect(colorEnabled({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(colorEnabled({ isTTY: false }, { FORCE_COLOR: '' })).toBe(true);
    expect(colorEnabled({ isTTY: true }, { FORCE_COLOR: '0' })).toBe(false);
    expect(colorEnabled({ isTTY: true }, { FORCE_COLOR: 'false' })).toBe(false);
    expect(colorEnabled({ isTTY: false }, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true);
  });

  it('paints with SGR escapes, or not at all', () => {
    expect(palette(true).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(palette(true).bold('')).toBe('');
    expect(palette(false).red('x')).toBe('x');
    expect(stripAnsi(palette(true).green(palette(true).bold('ok')))).toBe('ok');
  });
});
