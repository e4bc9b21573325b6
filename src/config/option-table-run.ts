/**
 * The option table's last part: the verdict's extra thresholds and what the run writes and
 * shows. See option-spec.ts for what each field means.
 */

import { bool, expressions, nonEmptyText, slowest } from './option-schemas.js';
import type { OptionSpec } from './option-spec.js';

export const RUN_OUTPUT_OPTIONS = {
  /** Extra threshold expressions (from --threshold / VOLLEY_THRESHOLDS). */
  thresholds: {
    schema: expressions,
    default: [],
    help: "pass/fail criterion, repeatable: 'p95<300ms', 'AuthUser:successRate>=99%'",
    group: 'Thresholds:',
    flag: { name: 'threshold', value: '<expr>', repeatable: true },
    env: 'VOLLEY_THRESHOLDS',
    envSeparator: ';',
    configKey: 'thresholds',
    api: { name: 'thresholds', takes: 'strings' },
  },
  /** Where to write the Result JSON; null for nowhere. */
  json: {
    schema: nonEmptyText('a file path'),
    default: null,
    help: 'write the run as the result document (JSON)',
    group: 'Reports:',
    flag: { name: 'json', value: '<file>' },
    env: 'VOLLEY_JSON',
    configKey: 'json',
    api: { name: 'json', takes: 'string' },
  },
  /** Show credentials (authorization, cookies, token parameters) in error messages and reports. */
  showSecrets: {
    schema: bool,
    default: false,
    help: 'show authorization, cookies and token parameters in errors and reports (hidden by default)',
    group: 'Reports:',
    flag: { name: 'showSecrets' },
    env: 'VOLLEY_SHOW_SECRETS',
    configKey: 'showSecrets',
  },
  /** List each row's slowest requests in the summary (a number: keep that many per row, not 5). */
  slowest: {
    schema: slowest,
    default: null,
    help: 'list the slowest requests of each row in the summary; with a number, keep that many per row (1 to 100, default 5)',
    group: 'Reports:',
    flag: { name: 'slowest', value: '[n]' },
    env: 'VOLLEY_SLOWEST',
    configKey: 'slowest',
    api: { name: 'slowest', takes: 'schema' },
  },
  quiet: {
    schema: bool,
    default: false,
    help: 'no live progress line',
    group: 'Live UI and metrics:',
    flag: { name: 'quiet', short: 'q' },
    env: 'VOLLEY_QUIET',
    configKey: 'quiet',
  },
} as const satisfies Record<string, OptionSpec>;
