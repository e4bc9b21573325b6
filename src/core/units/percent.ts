/**
 * Percentages: `99%`, `99.9%`, or a fraction `0.99`. Parsed to a fraction in [0, 1].
 */

export function tryParsePercent(text: string): number | undefined {
  const trimmed = text.trim();
  const match = /^(\d+(?:\.\d+)?)(%?)$/.exec(trimmed);
  if (match === null) return undefined;
  const value = Number(match[1]);
  const fraction = match[2] === '%' ? value / 100 : value;
  return fraction <= 1 ? fraction : undefined;
}

export function parsePercent(value: string | number, what = 'percentage'): number {
  const fraction = typeof value === 'number' ? (value <= 1 ? value : undefined) : tryParsePercent(value);
  if (fraction === undefined || fraction < 0) {
    throw new RangeError(`${what}: expected a percentage like 99% or a fraction like 0.99, got '${value}'`);
  }
  return fraction;
}
