/**
 * The rows of `prefix_failures.csv` (failed requests) and `prefix_exceptions.csv` (exceptions
 * thrown by tasks outside any request), from the Result's grouped errors.
 *
 * Locust keys failures by (method, name, error) with no user class, so the same error on the
 * same request from several user classes is one row with the occurrences added. Locust orders
 * failures by a hash; we order by occurrences, most first, so the file reads as a ranking.
 *
 * An exception's first line is its message; the lines after it, when the Result kept a stack,
 * go to `Traceback` under the task that threw (`GenerationUser task poll`), the nearest thing to
 * Locust's Python traceback. `Nodes` is `local`: the Result does not record which worker threw.
 */

import type { ErrorEntry, Result } from '../../metrics/result.js';
import type { CsvCell } from './csv-text.js';

export const LOCAL_NODE = 'local';

interface FailureRow {
  method: string;
  name: string;
  error: string;
  occurrences: number;
}

function byCountThenText<T>(count: (row: T) => number, text: (row: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const difference = count(b) - count(a);
    if (difference !== 0) return difference;
    const [x, y] = [text(a), text(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

export function failureRows(result: Result): CsvCell[][] {
  const rows = new Map<string, FailureRow>();
  for (const error of result.errors) {
    if (error.kind !== 'request') continue;
    const { method, name } = error.key;
    const id = `${method}\u0000${name}\u0000${error.message}`;
    const row = rows.get(id);
    if (row === undefined) rows.set(id, { method, name, error: error.message, occurrences: error.count });
    else row.occurrences += error.count;
  }
  return [...rows.values()]
    .sort(
      byCountThenText(
        (row) => row.occurrences,
        (row) => `${row.method}\u0000${row.name}\u0000${row.error}`,
      ),
    )
    .map((row) => [row.method, row.name, row.error, { int: row.occurrences }]);
}

/** Splits `TypeError: …\n    at run (…)` into the message and the stack lines. */
function splitMessage(message: string): { first: string; stack: string } {
  const lines = message.split(/\r?\n/);
  return { first: lines[0] ?? '', stack: lines.slice(1).join('\n') };
}

function exceptionCells(error: ErrorEntry): CsvCell[] {
  const { first, stack } = splitMessage(error.message);
  const traceback = stack.trim() === '' ? error.endpoint : `${error.endpoint}\n${stack}`;
  return [{ int: error.count }, first, traceback, LOCAL_NODE];
}

export function exceptionRows(result: Result): CsvCell[][] {
  return result.errors
    .filter((error) => error.kind === 'task')
    .sort(
      byCountThenText(
        (error) => error.count,
        (error) => `${error.endpoint}\u0000${error.message}`,
      ),
    )
    .map(exceptionCells);
}
