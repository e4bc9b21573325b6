/**
 * `volley run --help`, grouped as Locust's and k6's help are: about fifty flags in one flat list
 * hide the five a user needs. Every flag of `run` is in a group where it is declared (the option
 * table, or the command's own flags); a test fails when one is not, so the help stays complete.
 * Examples and exit codes close it.
 */

import { Command, Option } from 'commander';
import { optionFlagLines } from '../config/option-flags.js';
import { HELP_GROUPS } from '../config/option-spec.js';
import { withReportFlags } from './report-outputs.js';
import { runCommandFlags } from './run-command-flags.js';

/** Headings in the order they print, each with the long names of its options. */
export const RUN_OPTION_GROUPS: readonly (readonly [string, readonly string[]])[] = runOptionGroups();

/**
 * The groups, from where each flag is declared: the option table (each option's group), the
 * command's own flags, and the report flags (--json is both a report flag and an option).
 */
function runOptionGroups(): (readonly [string, readonly string[]])[] {
  const names = new Map<string, string>();
  for (const line of optionFlagLines()) names.set(line.long, line.group);
  for (const { group, option } of runCommandFlags()) names.set(longName(option.flags), group);
  for (const option of withReportFlags(new Command(), 'the run').options) {
    if (!names.has(longName(option.flags))) names.set(longName(option.flags), 'Reports:');
  }
  names.set('help', 'Other:');
  return HELP_GROUPS.map((heading) => [heading, [...names].filter(([, group]) => group === heading).map(([name]) => name)] as const);
}

const EXAMPLES = `
Examples:
  volley run load.ts                                   the scenario's own load
  volley run load.ts -H http://127.0.0.1:8000 -u 50 -r 10 -t 1m
  volley run --url http://127.0.0.1:8000/health -u 10 -t 30s --threshold 'p95<200ms'
  volley run load.ts --tags smoke --json result.json --md summary.md

Exit codes:
  0  passed: every threshold held (without thresholds: no request, task or check failed)
  1  failed: a threshold failed, a request failed, or nothing was listening at the target
  2  bad input: a flag, the config, the scenario or a feed file, a report path, or a load
     this machine cannot hold
  3  aborted: a threshold with abortOnFail, or interrupted (Ctrl-C) before the planned end
  4  an error inside volley: a bug, to be reported (the results so far are still written)`;

/** The long name of an option, without dashes (`spawn-rate`). */
export function longName(flags: string): string {
  return /--([a-z0-9-]+)/.exec(flags)?.[1] ?? flags;
}

/**
 * Puts each option of `command` in its group, in the groups' order, with --help last under
 * Other, and adds examples and exit codes. Commander prints groups in the order their options
 * were added, so the options are re-added group by group.
 */
export function groupRunHelp(command: Command): void {
  const groupOf = new Map<string, string>();
  const order = new Map<string, number>();
  RUN_OPTION_GROUPS.forEach(([heading, names], index) => {
    order.set(heading, index);
    for (const name of names) groupOf.set(name, heading);
  });
  const headingOf = (option: Option): string => groupOf.get(longName(option.flags)) ?? 'Other:';
  const options = [...command.options].sort(
    (a, b) => (order.get(headingOf(a)) ?? 99) - (order.get(headingOf(b)) ?? 99),
  );
  for (const option of options) option.helpGroup(headingOf(option));
  (command.options as Option[]).splice(0, command.options.length, ...options);
  command.addHelpOption(new Option('-h, --help', 'show this help').helpGroup('Other:'));
  command.addHelpText('after', EXAMPLES);
}
