/**
 * Whether a user's function returned something to await (a promise or any thenable), so that a
 * synchronous call is timed and settled without an await.
 */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
