/**
 * The JSON reader of `feed()`: an array of rows; invalid JSON fails with the line of the first
 * bad character even where Node's own message gives no position.
 */

import { describe, expect, it } from 'vitest';
import { JsonRowsError, jsonErrorOffset, parseJsonRows } from '../../../../src/engine/feeds/feed-json.js';

function rowsError(text: string): JsonRowsError {
  try {
    parseJsonRows(text);
  } catch (error) {
    if (error instanceof JsonRowsError) return error;
    throw error;
  }
  throw new Error('expected a JsonRowsError');
}

describe('parseJsonRows', () => {
  it('returns the array as JSON.parse reads it, values keeping their types', () => {
    const text = '[{"email":"a@x.io","age":42,"tags":["x"]},{"email":"b@x.io","age":null}]';
    expect(parseJsonRows(text)).toEqual([
      { email: 'a@x.io', age: 42, tags: ['x'] },
      { email: 'b@x.io', age: null },
    ]);
    expect(parseJsonRows('\uFEFF[1, "two"]')).toEqual([1, 'two']);
  });

  it.each([
    ['an object', '{\n"rows": []}', 'expected an array of rows, got object', 1],
    ['null after blank lines', '\n\nnull', 'expected an array of rows, got null', 3],
    ['a string', '"a"', 'expected an array of rows, got string', 1],
  ])('rejects %s: it needs an array', (_label, text, message, line) => {
    const error = rowsError(text);
    expect(error.message).toBe(message);
    expect(error.line).toBe(line);
  });

  it.each([
    ['a stray brace', '[\n  {"a": 1},\n  {"a": 2},\n}\n]', 4],
    ['a missing comma', '[\n{"a": 1 "b": 2}\n]', 2],
    ['a trailing comma', '[\n1,\n2,\n]', 4],
    ['a bare word', '[\n  "ok",\n  oops\n]', 3],
    // The raw line break ends line 2: that is where the string went wrong.
    ['a line break inside a string', '[\n"a\nb"\n]', 2],
    ['an unfinished array', '[\n1,\n2', 3],
    ['text after the array', '[1]\n\nx', 3],
    ['a bad escape', '[\n"\\x"\n]', 2],
  ])('names the line of %s', (_label, text, line) => {
    const error = rowsError(text);
    expect(error.message).toMatch(/^invalid JSON: /);
    expect(error.line).toBe(line);
  });
});

describe('jsonErrorOffset', () => {
  it('points at the first character that makes the text invalid', () => {
    expect(jsonErrorOffset('[1,]')).toBe(3);
    expect(jsonErrorOffset('{"a" 1}')).toBe(5);
    expect(jsonErrorOffset('[tru]')).toBe(4);
    expect(jsonErrorOffset('[-]')).toBe(1);
    expect(jsonErrorOffset('[01]')).toBe(2);
    expect(jsonErrorOffset('[1] 2')).toBe(4);
    expect(jsonErrorOffset('["\\u12G4"]')).toBe(2);
  });

  it('reaches the end of valid JSON without stopping early', () => {
    const valid = '[{"a":[1,-2.5e3,true,false,null,"x\\"y\\u00e9"]},{}, [] ]';
    expect(() => JSON.parse(valid)).not.toThrow();
    expect(jsonErrorOffset(valid)).toBe(valid.length);
  });
});
