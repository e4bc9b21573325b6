/**
 * The flags of `volley run` that are not run options: what to run (a file, a URL, the demo), what
 * to do around the run (the web UI, a coordinator, a baseline, the history) and where options come
 * from (`--config`, `--env-file`). The run options' own flags come from the option table.
 */

import { Option } from 'commander';
import type { HelpGroup } from '../config/option-spec.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** A flag, the heading it prints under in `volley run --help`, and its commander option. */
export interface RunCommandFlag {
  group: HelpGroup;
  option: Option;
}

const flag = (group: HelpGroup, flags: string, help: string): RunCommandFlag => ({ group, option: new Option(flags, help) });

const repeatable = (group: HelpGroup, flags: string, help: string): RunCommandFlag => ({
  group,
  option: new Option(flags, help).argParser(collect).default([]),
});

/** In the order they print within their group. */
export function runCommandFlags(): RunCommandFlag[] {
  return [
    flag('Target:', '-f, --locustfile <file>', 'scenario file (alias of the positional argument)'),
    flag('Target:', '--demo', 'start the embedded demo service on a free loopback port and run against it'),
    flag('Target:', '--url <url>', 'URL mode: load-test this one URL, no scenario file needed'),
    { group: 'Target:', option: new Option('-m, --method <method>', 'URL mode: HTTP method').default('GET') },
    flag('Target:', '--body <text>', 'URL mode: request body'),
    repeatable('Target:', '--header <header>', "URL mode: request header 'name: value', repeatable"),
    flag('Load:', '--keep-going', 'run on even when every request of the first 3s fails to connect (default: stop, exit 1)'),
    flag('Thresholds:', '--baseline <result.json>', 'compare the result with this saved result; exit 1 if it regressed'),
    flag('Thresholds:', '--max-regression <percent>', 'with --baseline: the smallest change that counts (default 10%)'),
    repeatable('Reports:', '--out <kind=target>', 'stream the run as it goes: ndjson=<file> (or ndjson=- for stdout: the summary then goes to stderr), repeatable'),
    flag('Reports:', '--save [dir]', 'keep the result in the run history (default .volley/history)'),
    flag('Live UI and metrics:', '--headless', 'no keyboard control: do not read stdin (default when stdin is not a terminal)'),
    flag('Live UI and metrics:', '--ui', 'serve the live web UI (http://127.0.0.1:8089): a start form (users, spawn rate, user classes), live statistics and charts, Edit users, Reset stats, Stop, CSV and JSON downloads, the reports'),
    flag('Live UI and metrics:', '--ui-port <port>', 'with --ui: the port (default 8089; 0 for any free port)'),
    flag('Live UI and metrics:', '--ui-host <host>', 'with --ui: the address to bind (default 127.0.0.1; any other than loopback requires the token)'),
    flag('Live UI and metrics:', '--ui-token <token>', 'with --ui: the token the page must present (or VOLLEY_UI_TOKEN; generated when --ui-host is not loopback)'),
    flag('Live UI and metrics:', '--autostart', 'with --ui: start the run at once instead of waiting for the form'),
    flag('Live UI and metrics:', '--autoquit <seconds>', 'with --ui: quit this many seconds after the run ends (default: stay up until Ctrl-C)'),
    flag('Live UI and metrics:', '--prometheus <[host:]port>', 'serve live metrics for Prometheus at http://host:port/metrics during the run (host default 127.0.0.1)'),
    flag('Live UI and metrics:', '--otlp <endpoint>', 'push metrics over OTLP/HTTP to an OpenTelemetry collector, e.g. http://127.0.0.1:4318 (or VOLLEY_OTLP_ENDPOINT)'),
    repeatable('Live UI and metrics:', '--otlp-header <name=value>', 'with --otlp: a header sent with every push, repeatable (or VOLLEY_OTLP_HEADERS, comma-separated)'),
    flag('Live UI and metrics:', '--otlp-interval <duration>', 'with --otlp: how often to push (default 10s; or VOLLEY_OTLP_INTERVAL); once more at the end with the verdict'),
    flag('Live UI and metrics:', '--prometheus-linger <duration>', 'with --prometheus: keep serving the final metrics this long after the run (e.g. 30s), so a scrape sees the verdict'),
    flag('Live UI and metrics:', '--prometheus-push <url>', "push the final metrics to a Pushgateway-compatible URL when the run ends (job 'volley', label run)"),
    repeatable('Live UI and metrics:', '--monitor-pid <pid>', "also sample CPU and memory of this process (Linux /proc), repeatable; 'demo' with --demo"),
    flag('Workers and distributed:', '--coordinator', 'distributed run: wait for remote workers (volley worker --connect) and share the load'),
    flag('Workers and distributed:', '--expect-workers <n>', 'coordinator: how many workers to wait for'),
    { group: 'Workers and distributed:', option: new Option('--bind <host:port>', 'coordinator: where workers connect').default('127.0.0.1:5557') },
    flag('Workers and distributed:', '--worker-token <token>', 'coordinator: the token workers must present (or VOLLEY_WORKER_TOKEN)'),
    flag('Workers and distributed:', '--fail-on-worker-loss', 'coordinator: stop the run when a worker is lost'),
    flag('Other:', '--env-file <path>', 'load variables from a dotenv file (VOLLEY_* set options)'),
    flag('Other:', '--config <file>', 'config file with option defaults and profiles (default: ./volley.config.{ts,mjs,js,json})'),
  ];
}
