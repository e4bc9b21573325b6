/**
 * The options of a run, resolved: every source merged and every value parsed. This is what the
 * runner reads and what the Result records under `options`. Both the type and the defaults are
 * read off the option table (option-table.ts), where each option is declared.
 */

import type { z } from 'zod';
import { type OptionName, optionEntries, type OptionTable } from './option-table.js';

export type { OptionName } from './option-table.js';

/** An option's resolved value: what its schema gives, or null when its default is unset. */
type ResolvedValue<Spec> = Spec extends { schema: infer Schema extends z.ZodType }
  ? z.output<Schema> | (Spec extends { default: null } ? null : never)
  : never;

export type RunOptions = { -readonly [K in OptionName]: ResolvedValue<OptionTable[K]> };

/** Every option's value when no source sets it (spawnRate is derived from users when read). */
export const DEFAULT_OPTIONS: Readonly<Omit<RunOptions, 'spawnRate'>> = Object.freeze(
  Object.fromEntries(
    optionEntries()
      .filter(([, spec]) => 'default' in spec)
      .map(([name, spec]) => [name, typeof spec.default === 'function' ? (spec.default as () => unknown)() : spec.default]),
  ) as Omit<RunOptions, 'spawnRate'>,
);
