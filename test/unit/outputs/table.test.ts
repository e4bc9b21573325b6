import { describe, expect, it } from 'vitest';
import { palette, stripAnsi } from '../../../src/outputs/color.js';
import { renderTable } from '../../../src/outputs/table.js';
import { textWidth } from '../../../src/outputs/text.js';

describe('renderTable', () => {
  it('sizes columns to their content and right-aligns numbers', () => {
    const lines = renderTable({
      columns: [{ header: 'Type' }, { header: 'Name' }, { header: 'count', align: 'right' }],
      rows: [
        ['GET', '/a', '1'],
        ['POST', '/longer', '1,234'],
      ],
    });
    expect(lines).toEqual([
      'Type  Name     count',
      '────────────────────',
      'GET   /a           1',
      'POST  /longer  1,234',
    ]);
  });

  it('draws footer rows after a rule, with indent and per-column gaps', () => {
    const lines = renderTable({
      columns: [{ header: 'n' }, { header: 'a', align: 'right' }, { header: 'b', align: 'right', gap: 1 }],
      rows: [['x', '1', '22']],
      footer: [['total', '10', '2']],
      indent: 2,
    });
    expect(lines).toEqual([
      '  n       a  b',
      '  ────────────',
      '  x       1 22',
      '  ────────────',
      '  total  10  2',
    ]);
  });

  it('narrows shrinkable columns, widest first, to fit the width', () => {
    const lines = renderTable({
      columns: [
        { header: 'name', shrink: 'middle', minWidth: 6 },
        { header: 'message', shrink: 'end', minWidth: 6 },
        { header: 'n', align: 'right' },
      ],
      rows: [['/api/v1/generation/create', 'connect ECONNREFUSED 127.0.0.1:8000', '5']],
      maxWidth: 30,
    });
    // 30 = 2 gaps of 2 + n (1) + 25 shared: the message (35) gives up width until it ties with
    // the name (25); then they alternate, the first column first, ending at 12 and 13.
    expect(lines[2]).toBe('/api/v…reate  connect ECON…  5');
    for (const line of lines) expect(textWidth(line)).toBe(30);
  });

  it('never narrows a column below its minimum, nor a fixed one at all', () => {
    const lines = renderTable({
      columns: [
        { header: 'name', shrink: 'end', minWidth: 8 },
        { header: 'fixed', align: 'right' },
      ],
      rows: [['abcdefghijklmnop', '123456789']],
      maxWidth: 10,
    });
    expect(lines[2]).toBe('abcdefg…  123456789');
  });

  it('uses a shrink function when given, and still fits the width', () => {
    const lines = renderTable({
      columns: [{ header: 'x', shrink: (text, width) => text.slice(-width) }],
      rows: [['0123456789abcdef']],
      maxWidth: 12,
    });
    expect(lines[2]).toBe('456789abcdef');
    const shrunk = renderTable({
      columns: [{ header: 'x', shrink: () => 'way too long for it', minWidth: 4 }],
      rows: [['0123456789abcdef']],
      maxWidth: 12,
    });
    expect(shrunk[2]).toBe('way too lon…');
  });

  it('colours cells after padding, so layout is the same with and without colour', () => {
    const p = palette(true);
    const options = {
      columns: [{ header: 'a' }, { header: 'b', align: 'right' as const }],
      rows: [['x', { text: '12', style: p.red }]],
      headerStyle: p.bold,
    };
    const colored = renderTable(options);
    const plain = renderTable({ ...options, rows: [['x', '12']], headerStyle: undefined });
    expect(colored.map(stripAnsi)).toEqual(plain);
    expect(colored[2]).toBe(`x  ${p.red('12')}`);
  });

  it('leaves out the header when asked', () => {
    expect(renderTable({ columns: [{ header: 'long header' }], rows: [['x']], header: false })).toEqual([
      'x',
    ]);
  });
});
