/**
 * The shape of one entry of the option table (option-table.ts): everything volley knows about a
 * run option, so the flag, the environment variable, the config-file key, the scenario path,
 * `run()`'s option, the help line and the default are declared together and cannot drift apart.
 */

import type { z } from 'zod';

/** `volley run --help`'s headings, in the order they print. */
export const HELP_GROUPS = [
  'Target:',
  'HTTP client:',
  'Load:',
  'Thresholds:',
  'Reports:',
  'Live UI and metrics:',
  'Workers and distributed:',
  'Other:',
] as const;

export type HelpGroup = (typeof HELP_GROUPS)[number];

/** What `run()` accepts for an option: the TypeScript type of its programmatic form. */
export interface ApiValueTypes {
  number: number;
  string: string;
  boolean: boolean;
  strings: string[];
  /** A duration: `'30s'`, `'1h30m'`, or a bare number of seconds. */
  duration: string | number;
  /** A size: a number of bytes or `'4MiB'`. */
  size: number | string;
  /** A rate: per second as a number, or `'200/s'`. */
  rate: number | string;
}

export interface OptionFlag {
  /** The flag as commander names its value (`spawnRate`); the long flag is its kebab case (`--spawn-rate`). */
  name: string;
  /** One-letter alias, without the dash (`u` for `-u`). */
  short?: string;
  /** The value's placeholder in help (`<n>`, `<duration>`); none for a switch. */
  value?: string;
  /** Repeatable (`--threshold a --threshold b`): the values arrive as a list. */
  repeatable?: boolean;
  /** A `--no-…` flag that sets the option to `value` (`--no-compression`: no accept-encoding). */
  negation?: { name: string; help: string; value: unknown; conflict: string };
}

export interface OptionSpec {
  /** Checks and converts a value from any source; its messages say what the option accepts. */
  schema: z.ZodType;
  /**
   * The value when no source sets it: null leaves the option unset (its type includes null), a
   * function computes it when read; absent only where resolve-options.ts derives it (spawnRate).
   */
  default?: unknown;
  /** Durations: what a bare number means (the same everywhere, see option-schemas.ts). */
  unit?: 'seconds';
  /** The help line of `volley run`. */
  help: string;
  group: HelpGroup;
  flag?: OptionFlag;
  /** A positional argument of `volley run` that sets it (user classes), and how messages name it. */
  argument?: { name: string; spelled: string };
  /** `VOLLEY_…`: the environment variable that sets it. */
  env?: string;
  /** Several values in one variable are separated by this (thresholds: `;`). */
  envSeparator?: string;
  /** The key under the config file's `options`. */
  configKey?: string;
  /** Where a scenario sets it (`http.timeout`), below every other source. */
  scenarioPath?: string;
  /** Its name and type in the options of the programmatic `run()`. */
  api?: { name: string; takes: keyof ApiValueTypes | 'schema' };
}

/** The long flag of a flag's name: `spawnRate` → `spawn-rate`. */
export function kebabCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}
