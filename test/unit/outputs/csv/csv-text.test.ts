import { describe, expect, it } from 'vitest';
import { csvDocument, csvField, csvRow, pythonFloat } from '../../../../src/outputs/csv/csv-text.js';

describe('csvField (RFC 4180, Python csv QUOTE_MINIMAL)', () => {
  it('leaves plain text alone', () => {
    expect(csvField('/api/v1/items')).toBe('/api/v1/items');
    expect(csvField('')).toBe('');
    expect(csvField("it's fine; really")).toBe("it's fine; really");
  });

  it('quotes commas, quotes, CR and LF, doubling inner quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('"')).toBe('""""');
  });
});

describe('pythonFloat (Python repr)', () => {
  it.each([
    [160, '160.0'],
    [0, '0.0'],
    [-0, '-0.0'],
    [0.4, '0.4'],
    [-2.5, '-2.5'],
    [(20 * 25) / 600, '0.8333333333333334'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [0.000012345, '1.2345e-05'],
    [123456789012345.6, '123456789012345.6'],
    [9999999999999998, '9999999999999998.0'],
    [1e16, '1e+16'],
    [1.5e16, '1.5e+16'],
    [1e22, '1e+22'],
    [5e-324, '5e-324'],
    [Number.NaN, 'nan'],
    [Number.POSITIVE_INFINITY, 'inf'],
    [Number.NEGATIVE_INFINITY, '-inf'],
  ])('%s → %s', (value, text) => {
    expect(pythonFloat(value)).toBe(text);
  });
});

describe('csvRow and csvDocument', () => {
  it('prints ints truncated, floats as Python does, and ends records with CRLF', () => {
    expect(csvRow(['GET', { int: 12 }, { int: 12.9 }, { float: 3 }, { float: 0.25 }, 'N/A'])).toBe(
      'GET,12,12,3.0,0.25,N/A\r\n',
    );
  });

  it('writes the header then each record', () => {
    expect(
      csvDocument(
        ['A', 'B'],
        [
          ['x,y', { int: 1 }],
          ['z', { int: 2 }],
        ],
      ),
    ).toBe('A,B\r\n"x,y",1\r\nz,2\r\n');
    expect(csvDocument(['A', 'B'], [])).toBe('A,B\r\n');
  });
});
