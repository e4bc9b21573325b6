/**
 * How a wrong value is quoted back in an error message. Thresholds arrive from user JavaScript,
 * so the value may be anything; `[object Object]` would tell the user nothing.
 */

export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return 'an array';
  if (value === null || typeof value !== 'object') return String(value);
  return 'an object';
}
