/** How an exception a script threw reads in the error table: `TypeError: x is undefined`. */

export function describeError(error: unknown): string {
  if (error instanceof Error)
    return error.message === ''
      ? error.name
      : `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}`;
  return String(error);
}
