/**
 * The CSV reader of `feed()`: RFC 4180 quoting, line ends, empty fields and a BOM read exactly;
 * malformed input fails with the line where the problem is.
 */

import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from '../../../../src/engine/feeds/feed-csv.js';

function syntaxError(text: string): CsvSyntaxError {
  try {
    parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return error;
    throw error;
  }
  throw new Error('expected a CsvSyntaxError');
}

describe('parseCsv', () => {
  it('turns the header into keys and keeps every value a string', () => {
    expect(parseCsv('email,age,active\na@x.io,42,true\nb@x.io,7,false\n')).toEqual([
      { email: 'a@x.io', age: '42', active: 'true' },
      { email: 'b@x.io', age: '7', active: 'false' },
    ]);
  });

  it('reads quoted fields holding commas, doubled quotes and line breaks', () => {
    const text = 'name,note\n"Doe, Jane","she said ""hi"""\n"multi\nline","a\r\nb"\n';
    expect(parseCsv(text)).toEqual([
      { name: 'Doe, Jane', note: 'she said "hi"' },
      { name: 'multi\nline', note: 'a\r\nb' },
    ]);
  });

  it('reads CRLF line ends, and a last line with or without a line break', () => {
    const expected = [
      { a: '1', b: '2' },
      { a: '3', b: '4' },
    ];
    expect(parseCsv('a,b\r\n1,2\r\n3,4\r\n')).toEqual(expected);
    expect(parseCsv('a,b\r\n1,2\r\n3,4')).toEqual(expected);
    expect(parseCsv('a,b\n1,2\n3,4')).toEqual(expected);
  });

  it('keeps empty fields empty, quoted or not, first, middle or last', () => {
    expect(parseCsv('a,b,c\n,,\n1,,3\n"",x,""\n')).toEqual([
      { a: '', b: '', c: '' },
      { a: '1', b: '', c: '3' },
      { a: '', b: 'x', c: '' },
    ]);
  });

  it('drops a UTF-8 byte order mark before the header', () => {
    const rows = parseCsv('\uFEFFemail,password\r\nu@x.io,pw\r\n');
    expect(Object.keys(rows[0] ?? {})).toEqual(['email', 'password']);
    expect(rows).toEqual([{ email: 'u@x.io', password: 'pw' }]);
  });

  it('skips blank lines but keeps a quoted empty value in a one-column file', () => {
    expect(parseCsv('id\n1\n\n2\r\n\r\n')).toEqual([{ id: '1' }, { id: '2' }]);
    expect(parseCsv('id\n""\n3\n')).toEqual([{ id: '' }, { id: '3' }]);
  });

  it('keeps spaces around values as they are', () => {
    expect(parseCsv('a,b\n x , y\n')).toEqual([{ a: ' x ', b: ' y' }]);
  });

  it('makes a column named __proto__ a plain value', () => {
    const [row] = parseCsv('__proto__,b\nx,y\n');
    expect(Object.getOwnPropertyDescriptor(row, '__proto__')?.value).toBe('x');
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
  });

  it('returns no rows for a header alone', () => {
    expect(parseCsv('a,b\n')).toEqual([]);
  });

  it.each([
    ['a row with too few fields', 'a,b,c\n1,2,3\n4,5\n', 3, '2 fields, but the header has 3'],
    ['a row with too many fields', 'a,b\n1,2,3\n', 2, '3 fields, but the header has 2'],
    // The quoted line break moves the next record to line 4.
    ['a short row after a multi-line value', 'a,b\n"x\ny",1\n2\n', 4, '1 field, but the header has 2'],
    ['a quote never closed', 'a,b\n1,2\n3,"oops\n4,5\n', 3, 'a quoted field is never closed'],
    ['a quote inside an unquoted field', 'a,b\n1,x"y\n', 2, 'a quote inside an unquoted field'],
    ['text after a closing quote', 'a,b\r\n1,2\r\n"x"y,3\r\n', 3, 'text after the closing quote'],
    ['a header naming a column twice', 'a,b,a\n1,2,3\n', 1, "the header names column 'a' twice"],
    ['a header column without a name', 'a,,c\n1,2,3\n', 1, 'column 2 of the header has no name'],
    ['an empty file', '', 1, 'the file is empty'],
  ])('rejects %s, naming the line', (_label, text, line, message) => {
    const error = syntaxError(text);
    expect(error.line).toBe(line);
    expect(error.message).toContain(message);
  });
});
