/**
 * The JSON reader behind `feed('users.json')`: the file holds one array, each element a row.
 *
 * `JSON.parse` does the parsing; on Node 20 its messages often give no position ("Unexpected
 * token '}'"), so when it fails a small validating scanner walks the text to find where, and the
 * error names the line. The scanner runs only on failure and never on valid input.
 */

export class JsonRowsError extends Error {
  constructor(
    message: string,
    /** 1-based line of the file where the problem is. */
    readonly line: number,
  ) {
    super(message);
    this.name = 'JsonRowsError';
  }
}

/** Parses a JSON array (a UTF-8 BOM is allowed before it). */
export function parseJsonRows(text: string): unknown[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    const offset = jsonErrorOffset(body);
    const reason = (error as Error).message.split('\n')[0] ?? 'invalid JSON';
    throw new JsonRowsError(`invalid JSON: ${reason}`, lineAt(body, offset));
  }
  if (!Array.isArray(parsed)) {
    throw new JsonRowsError(
      `expected an array of rows, got ${parsed === null ? 'null' : typeof parsed}`,
      lineAt(body, firstNonSpace(body)),
    );
  }
  return parsed;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let k = 0; k < offset && k < text.length; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}

function firstNonSpace(text: string): number {
  const match = /\S/.exec(text);
  return match === null ? 0 : match.index;
}

class Stop {
  constructor(readonly offset: number) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/** Offset of the first character that makes `text` invalid JSON (its length if it ends early). */
export function jsonErrorOffset(text: string): number {
  const scanner = new JsonScanner(text);
  try {
    scanner.value();
    scanner.space();
    return scanner.offset;
  } catch (stop) {
    if (stop instanceof Stop) return stop.offset;
    throw stop;
  }
}

/** A JSON validator that walks the text and throws Stop at the first character that cannot be. */
class JsonScanner {
  offset = 0;

  constructor(private readonly text: string) {}

  space(): void {
    while (this.offset < this.text.length && ' \t\n\r'.includes(this.text[this.offset] as string)) this.offset++;
  }

  value(): void {
    this.space();
    const c = this.text[this.offset];
    if (c === '{') this.object();
    else if (c === '[') this.array();
    else if (c === '"') this.string();
    else if (c === 't') this.literal('true');
    else if (c === 'f') this.literal('false');
    else if (c === 'n') this.literal('null');
    else this.number();
  }

  private fail(): never {
    throw new Stop(this.offset);
  }

  private expect(c: string): void {
    this.space();
    if (this.text[this.offset] !== c) this.fail();
    this.offset++;
  }

  private literal(word: string): void {
    for (const c of word) {
      if (this.text[this.offset] !== c) this.fail();
      this.offset++;
    }
  }

  private number(): void {
    NUMBER.lastIndex = this.offset;
    if (!NUMBER.test(this.text)) this.fail();
    this.offset = NUMBER.lastIndex;
  }

  private string(): void {
    const { text } = this;
    this.offset++;
    for (;;) {
      if (this.offset >= text.length) this.fail();
      const c = text.charCodeAt(this.offset);
      if (c === 34) {
        this.offset++;
        return;
      }
      if (c < 0x20) this.fail();
      if (c === 92) {
        ESCAPE.lastIndex = this.offset;
        if (!ESCAPE.test(text)) this.fail();
        this.offset = ESCAPE.lastIndex;
      } else this.offset++;
    }
  }

  private object(): void {
    this.offset++;
    this.space();
    if (this.text[this.offset] === '}') {
      this.offset++;
      return;
    }
    for (;;) {
      this.space();
      if (this.text[this.offset] !== '"') this.fail();
      this.string();
      this.expect(':');
      this.value();
      this.space();
      if (this.text[this.offset] === '}') break;
      this.expect(',');
    }
    this.offset++;
  }

  private array(): void {
    this.offset++;
    this.space();
    if (this.text[this.offset] === ']') {
      this.offset++;
      return;
    }
    for (;;) {
      this.value();
      this.space();
      if (this.text[this.offset] === ']') break;
      this.expect(',');
    }
    this.offset++;
  }
}
