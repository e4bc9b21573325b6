/**
 * Coded errors. Library code throws these; only `src/cli/` turns them into messages and exit
 * codes. Each code is stable so scripts and tests can match on it rather than on wording.
 */

export type VolleyErrorCode =
  /** A command-line flag or its value is invalid. */
  | 'VOLLEY_E_USAGE'
  /** Options (scenario `load`, config file, env vars) failed validation. */
  | 'VOLLEY_E_CONFIG'
  /** The scenario file could not be bundled, loaded, or lacks the expected exports. */
  | 'VOLLEY_E_SCENARIO'
  /** A threshold expression could not be parsed. */
  | 'VOLLEY_E_THRESHOLD'
  /** A file the user named could not be read or written. */
  | 'VOLLEY_E_IO';

export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

export class VolleyError extends Error {
  readonly code: VolleyErrorCode;
  /** Where the problem is, when it is in a file the user wrote. */
  readonly location: SourceLocation | undefined;
  /** Every problem found, when validation collected more than one. */
  readonly details: readonly string[];

  constructor(
    code: VolleyErrorCode,
    message: string,
    options: { location?: SourceLocation; details?: readonly string[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'VolleyError';
    this.code = code;
    this.location = options.location;
    this.details = options.details ?? [];
  }
}

export function isVolleyError(error: unknown): error is VolleyError {
  return error instanceof VolleyError;
}
