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
  let i = 0;
  const fail = (): never => {
    throw new Stop(i);
  };
  const space = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const expect = (c: string): void => {
    space();
    if (text[i] !== c) fail();
    i++;
  };
  const literal = (word: string): void => {
    for (const c of word) {
      if (text[i] !== c) fail();
      i++;
    }
  };
  const string = (): void => {
    i++;
    for (;;) {
      if (i >= text.length) fail();
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c < 0x20) fail();
      if (c === 92) {
        ESCAPE.lastIndex = i;
        if (!ESCAPE.test(text)) fail();
        i = ESCAPE.lastIndex;
      } else i++;
    }
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail();
        string();
        expect(':');
        value();
        space();
        if (text[i] === '}') break;
        expect(',');
      }
      i++;
    } else if (c === '[') {
      i++;
      space();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[i] === ']') break;
        expect(',');
      }
      i++;
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else {
      NUMBER.lastIndex = i;
      if (!NUMBER.test(text)) fail();
      i = NUMBER.lastIndex;
    }
  };
  try {
    value();
    space();
    return i;
  } catch (stop) {
    if (stop instanceof Stop) return stop.offset;
    throw stop;
  }
}
