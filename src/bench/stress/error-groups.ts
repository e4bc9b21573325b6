/**
 * Failed operations grouped by message, as `volley run` groups request errors: a count, when the
 * first happened, and one stack to start debugging from. A stress test that breaks something
 * fails the same way thousands of times; the report needs each way once. Distinct messages are
 * capped so an error that embeds an id in its message cannot grow the report without bound.
 */

export interface ErrorGroup {
  message: string;
  /** The error's class name (`TypeError`), or the type of what was thrown. */
  name: string;
  count: number;
  /** Seconds since the level started, at the first occurrence. */
  firstAtS: number;
  /** Stack of the first occurrence, when the error had one. */
  firstStack: string | null;
}

export const MAX_ERROR_GROUPS = 50;
export const OTHER_ERRORS = '(other errors: more distinct messages than are kept)';

export class ErrorGroups {
  readonly #groups = new Map<string, ErrorGroup>();

  add(error: unknown, atS: number): void {
    const message = error instanceof Error ? error.message : String(error);
    const existing = this.#groups.get(message) ?? (this.#full() ? this.#groups.get(OTHER_ERRORS) : undefined);
    if (existing !== undefined) {
      existing.count++;
      return;
    }
    const key = this.#full() ? OTHER_ERRORS : message;
    this.#groups.set(key, {
      message: key,
      name: error instanceof Error ? error.name : typeof error,
      count: 1,
      firstAtS: Math.round(atS * 1000) / 1000,
      firstStack: error instanceof Error ? (error.stack ?? null) : null,
    });
  }

  /** Most frequent first; ties by first occurrence. */
  list(): ErrorGroup[] {
    return [...this.#groups.values()].sort((a, b) => b.count - a.count || a.firstAtS - b.firstAtS);
  }

  #full(): boolean {
    return this.#groups.size >= MAX_ERROR_GROUPS;
  }
}
