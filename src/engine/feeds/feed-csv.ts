/**
 * The CSV reader behind `feed('users.csv')`: RFC 4180 (quoted fields may hold commas, quotes
 * doubled as `""`, and line breaks), a header row naming the columns, every value a string.
 * Tolerant where spreadsheets differ and harmless (a UTF-8 BOM, LF or CRLF line ends, a final
 * line break or none, blank lines), strict where a silent guess would feed wrong data (a stray
 * quote, a row with more or fewer fields than the header): those fail with the file and line.
 */

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    /** 1-based line of the file where the problem is. */
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

interface CsvRecord {
  fields: string[];
  /** Line the record starts on. */
  line: number;
}

/** Parses CSV text with a header row into one object per data row, keyed by the header's names. */
export function parseCsv(text: string): Record<string, string>[] {
  const records = parseRecords(text);
  const header = records[0];
  if (header === undefined) throw new CsvSyntaxError('the file is empty (a header row is needed)', 1);
  const seen = new Set<string>();
  for (const [column, name] of header.fields.entries()) {
    if (name === '') throw new CsvSyntaxError(`column ${column + 1} of the header has no name`, header.line);
    if (seen.has(name)) throw new CsvSyntaxError(`the header names column '${name}' twice`, header.line);
    seen.add(name);
  }
  const names = header.fields;
  return records.slice(1).map(({ fields, line }) => {
    if (fields.length !== names.length) {
      throw new CsvSyntaxError(
        `${fields.length} field${fields.length === 1 ? '' : 's'}, but the header has ${names.length}`,
        line,
      );
    }
    // fromEntries defines own properties, so a column named `__proto__` stays a plain value.
    return Object.fromEntries(names.map((name, k) => [name, fields[k] as string]));
  });
}

/** Splits CSV text into records of raw field values; blank lines are skipped. */
export function parseRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const end = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < end) {
    const record: CsvRecord = { fields: [], line };
    let quotedAny = false;
    for (;;) {
      let value: string;
      if (text[i] === '"') {
        quotedAny = true;
        const opened = line;
        value = '';
        i++;
        for (;;) {
          const close = text.indexOf('"', i);
          if (close === -1) throw new CsvSyntaxError('a quoted field is never closed', opened);
          const chunk = text.slice(i, close);
          line += countLineBreaks(chunk);
          value += chunk;
          if (text[close + 1] === '"') {
            value += '"';
            i = close + 2;
          } else {
            i = close + 1;
            break;
          }
        }
        if (i < end && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          throw new CsvSyntaxError('text after the closing quote of a field', line);
        }
      } else {
        let stop = i;
        while (stop < end) {
          const c = text[stop];
          if (c === ',' || c === '\n' || c === '\r') break;
          if (c === '"') {
            throw new CsvSyntaxError(
              'a quote inside an unquoted field (quote the whole field and double the quote: "a ""b""")',
              line,
            );
          }
          stop++;
        }
        value = text.slice(i, stop);
        i = stop;
      }
      record.fields.push(value);
      if (text[i] === ',') {
        i++;
        continue;
      }
      // End of the record: CRLF, LF, a lone CR, or the end of the text.
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      line++;
      break;
    }
    const blank = !quotedAny && record.fields.length === 1 && record.fields[0] === '';
    if (!blank) records.push(record);
  }
  return records;
}

/** Line breaks inside a quoted value, each CRLF counted once. */
function countLineBreaks(chunk: string): number {
  let count = 0;
  for (let k = 0; k < chunk.length; k++) {
    const c = chunk.charCodeAt(k);
    if (c === 10) count++;
    else if (c === 13 && chunk.charCodeAt(k + 1) !== 10) count++;
  }
  return count;
}
