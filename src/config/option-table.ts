/**
 * The ONE table of run options: each option declared once, with its schema, default, flag,
 * environment variable, config-file key, scenario path, `run()` name, help line and group.
 * Everything else derives from it: `RunOptions`, the defaults, the commander flags of `volley run`
 * and `volley capacity`, env reading, config-file keys, the scenario layer, `run()`'s options and
 * the help groups. Adding an option means adding an entry here, and the code that uses its value.
 *
 * The table is split by group only to stay readable; its order (load, HTTP, run outputs) is the
 * order options print within their help group.
 */

import { HTTP_OPTIONS } from './option-table-http.js';
import { LOAD_OPTIONS } from './option-table-load.js';
import { RUN_OUTPUT_OPTIONS } from './option-table-run.js';
import type { OptionSpec } from './option-spec.js';

export const OPTION_TABLE = { ...LOAD_OPTIONS, ...HTTP_OPTIONS, ...RUN_OUTPUT_OPTIONS };

export type OptionTable = typeof OPTION_TABLE;

export type OptionName = keyof OptionTable;

/** The table's entries in order, each with its option's name. */
export function optionEntries(): [OptionName, OptionSpec][] {
  return Object.entries(OPTION_TABLE) as [OptionName, OptionSpec][];
}
