import { describe, expect, it } from 'vitest';
import { namedPath, parseMarker, readDocBlocks } from './doc-blocks.js';

describe('readDocBlocks', () => {
  it('reads each fenced block with the marker on the last non-blank line before it', () => {
    const page = [
      '# Title',
      '<!-- runnable -->',
      '```sh',
      'npx volley --version',
      '```',
      'text',
      '<!-- not-runnable: needs a second machine -->',
      '',
      '```ts',
      'const a = 1;',
      '```',
      '```',
      'output',
      '```',
      '<!-- runnable: exit 0,1 -->',
      '```bash runnable',
      'a',
      'b',
      '```',
    ].join('\n');
    const blocks = readDocBlocks(page);
    expect(blocks.map((b) => [b.language, b.line, b.code])).toEqual([
      ['sh', 3, 'npx volley --version'],
      ['ts', 9, 'const a = 1;'],
      ['', 12, 'output'],
      ['bash', 16, 'a\nb'],
    ]);
    expect(blocks.map((b) => b.marker)).toEqual([
      { kind: 'runnable', exitCodes: [0] },
      { kind: 'not-runnable', reason: 'needs a second machine' },
      { kind: 'none' },
      { kind: 'runnable', exitCodes: [0, 1] },
    ]);
  });
});

describe('parseMarker', () => {
  it('needs a reason to skip a block, and whole exit codes', () => {
    expect(parseMarker('runnable: exit 1')).toEqual({ kind: 'runnable', exitCodes: [1] });
    expect(parseMarker('not-runnable')).toEqual({ kind: 'invalid', text: 'not-runnable' });
    expect(parseMarker('runnable: exit one')).toEqual({ kind: 'invalid', text: 'runnable: exit one' });
    expect(parseMarker('a note')).toEqual({ kind: 'none' });
  });
});

describe('namedPath', () => {
  it('takes the path from the first line comment', () => {
    expect(namedPath('// load/shop.ts\nimport x;')).toBe('load/shop.ts');
    expect(namedPath('// bench/json.bench.ts — run with: …')).toBe('bench/json.bench.ts');
    expect(namedPath('import x;')).toBeUndefined();
  });
});
