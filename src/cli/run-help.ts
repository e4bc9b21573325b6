/**
 * `volley run --help`, grouped as Locust's and k6's help are: about fifty flags in one flat list
 * hide the five a user needs. Every option of `run` is placed in a group here by its long name;
 * a test fails when a new flag is not, so the help stays complete. Examples and exit codes close it.
 */

import { type Command, Option } from 'commander';

/** Headings in the order they print, each with the long names of its options. */
export const RUN_OPTION_GROUPS: readonly (readonly [string, readonly string[]])[] = [
  ['Target:', ['locustfile', 'host', 'url', 'method', 'body', 'header', 'demo', 'scenario']],
  [
    'HTTP client:',
    ['timeout', 'connections', 'max-redirects', 'insecure', 'max-body-size', 'discard-response-bodies', 'accept-encoding', 'no-compression'],
  ],
  [
    'Load:',
    ['users', 'spawn-rate', 'run-time', 'iterations', 'stages', 'rate', 'max-users', 'distribution', 'profile', 'tags', 'exclude-tags', 'graceful-stop', 'seed', 'keep-going'],
  ],
  ['Thresholds:', ['threshold', 'baseline', 'max-regression']],
  ['Reports:', ['json', 'html', 'csv', 'junit', 'md', 'save', 'show-secrets']],
  ['Live UI and metrics:', ['quiet', 'headless', 'ui', 'ui-port', 'ui-host', 'ui-token', 'autostart', 'autoquit', 'prometheus', 'monitor-pid']],
  ['Workers and distributed:', ['workers', 'coordinator', 'expect-workers', 'bind', 'worker-token', 'fail-on-worker-loss']],
  ['Other:', ['config', 'env-file', 'help']],
];

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
