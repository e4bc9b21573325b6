import { describe, expect, it } from 'vitest';
import { withOptionalFlagValues } from '../../../src/cli/optional-flag-values.js';

const node = ['node', 'volley'];

describe('withOptionalFlagValues', () => {
  it('moves a bare --slowest before the scenario file to the end', () => {
    expect(withOptionalFlagValues([...node, 'run', '--slowest', 'shop.ts', '-u', '5'])).toEqual([
      ...node, 'run', 'shop.ts', '-u', '5', '--slowest',
    ]);
  });

  it('leaves --slowest with a number, last, or before another flag as it is', () => {
    const cases = [
      [...node, 'run', '--slowest', '10', 'shop.ts'],
      [...node, 'run', 'shop.ts', '--slowest'],
      [...node, 'run', '--slowest', '-u', '5', 'shop.ts'],
      [...node, 'run', '--slowest=3', 'shop.ts'],
    ];
    for (const argv of cases) expect(withOptionalFlagValues(argv)).toEqual(argv);
  });

  it('keeps a bad count for the option to refuse', () => {
    expect(withOptionalFlagValues([...node, 'run', 'shop.ts', '--slowest', '-3'])).toEqual([...node, 'run', 'shop.ts', '--slowest', '-3']);
  });

  it('does not look past --', () => {
    const argv = [...node, 'run', 'shop.ts', '--', '--slowest', 'x'];
    expect(withOptionalFlagValues(argv)).toEqual(argv);
  });
});
