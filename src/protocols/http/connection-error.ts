/** The errors a connection fails its requests with, and how a failed connect is told apart. */

/** An error with a code the client maps to its message (`failure-messages.ts`). */
export class ConnectionError extends Error {
  constructor(
    message: string,
    readonly code:
      | 'VOLLEY_CONNECT_TIMEOUT'
      | 'VOLLEY_CONNECT_REFUSED'
      | 'VOLLEY_HEADERS_TIMEOUT'
      | 'VOLLEY_BODY_TIMEOUT'
      | 'VOLLEY_CLOSED',
  ) {
    super(message);
    this.name = 'ConnectionError';
  }
}

/** Whether a connect failed because nothing listens (also inside a happy-eyeballs AggregateError). */
export function isRefused(error: Error | undefined): boolean {
  if (error === undefined) return false;
  if ((error as { code?: unknown }).code === 'ECONNREFUSED') return true;
  return error instanceof AggregateError && error.errors.length > 0 && error.errors.every(isRefused);
}
