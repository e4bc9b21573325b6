/**
 * CSV text as Locust writes it. Locust uses Python's `csv.writer` with the default `excel`
 * dialect: comma-separated, CRLF line ends, and QUOTE_MINIMAL quoting, which is RFC 4180's rule
 * (quote a field holding a comma, a double quote, CR or LF; double the quotes inside). Numbers
 * are printed as Python prints them, so a float column reads `160.0`, not `160`, and a file we
 * write differs from Locust's only in the measurements.
 */

/** A cell: text, an integer (`int` in Python), or a float (`float` in Python). */
export type CsvCell = string | { int: number } | { float: number };

export const CSV_LINE_END = '\r\n';

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A float as Python's `repr` prints it: the shortest digits that round-trip (which JavaScript
 * finds too), positional for exponents -4 to 15 with at least one decimal, scientific with a
 * signed two-digit exponent otherwise (`1e-05`, `1.5e+16`).
 */
export function pythonFloat(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = negative ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    const head = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const exp = `${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
    return `${sign}${head}e${exp}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return `${sign}${whole}.${fraction === '' ? '0' : fraction}`;
}

function cellText(cell: CsvCell): string {
  if (typeof cell === 'string') return cell;
  if ('int' in cell) return String(Math.trunc(cell.int));
  return pythonFloat(cell.float);
}

/** One record, with its line end. */
export function csvRow(cells: readonly CsvCell[]): string {
  return cells.map((cell) => csvField(cellText(cell))).join(',') + CSV_LINE_END;
}

/** A whole file: the header, then one record per row. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return csvRow(header) + rows.map(csvRow).join('');
}
