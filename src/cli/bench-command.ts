/**
 * `volley bench <file>`: runs the benchmarks and stress tests a bench file exports
 * (`export default [bench(…), stress(…)]`), one after another, printing each block as it
 * finishes, then a table, the comparison with `--baseline`, and the verdict. Exit codes as for
 * `run`: 0 passed, 1 a threshold failed, a benchmark threw or a baseline comparison regressed,
 * 2 bad input, 3 interrupted (Ctrl-C: the current entry stops between calls, the rest is
 * skipped, and what was measured is still reported and written).
 *
 * Also exports `parseMonitorPids`, the `--monitor-pid` parsing `volley run` shares.
 */

import type { Command } from 'commander';
import type { BenchReport } from '../bench/bench-report.js';
import { tryParseDuration } from '../core/units/duration.js';
import { VolleyError } from '../errors.js';
import { writeFileAtomic } from '../core/atomic-write.js';
import { colorEnabled } from '../outputs/color.js';
import { parsePercentFlag } from './compare-command.js';
import { EXIT_ABORTED, EXIT_FAILED, EXIT_PASSED } from './exit-codes.js';
import { volleyEntry } from './volley-entry.js';

export interface BenchFlags {
  json?: string;
  baseline?: string;
  maxRegression: string;
  monitorPid: string[];
  monitorInterval?: string;
  filter?: string;
}

interface Stream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function registerBenchCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('bench')
    .description('run the benchmarks and stress tests of a bench file (export default [bench(…), stress(…)])')
    .argument('<file>', 'bench file (TypeScript or JavaScript)')
    .option('--json <file>', 'write the bench report (every result) as JSON')
    .option('--baseline <file>', 'compare with a report written earlier by --json; a regression exits 1')
    .option('--max-regression <percent>', 'with --baseline: smallest change that counts', '10%')
    .option(
      '--monitor-pid <pid>',
      'also sample CPU and memory of this process (Linux /proc), repeatable',
      collect,
      [],
    )
    .option(
      '--monitor-interval <duration>',
      'time between CPU and memory samples of benchmarks (default 100ms)',
    )
    .option('--filter <text>', 'only run entries whose name contains this text')
    .action(async (file: string, flags: BenchFlags) => {
      setExitCode(await benchCommand(file, flags));
    });
}

/** `--monitor-pid` values to pids, or a usage error naming the bad one. `flag` spells it in messages. */
export function parseMonitorPids(values: readonly string[], flag = '--monitor-pid'): number[] {
  return values.map((value) => {
    const pid = Number(value.trim());
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(pid) || pid <= 0) {
      throw new VolleyError(
        'VOLLEY_E_USAGE',
        `${flag}: expected a process id (a positive integer), got '${value}'`,
      );
    }
    return pid;
  });
}

function parseInterval(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = tryParseDuration(text);
  if (ms === undefined || !(ms >= 10)) {
    throw new VolleyError(
      'VOLLEY_E_USAGE',
      `--monitor-interval: expected a duration of 10ms or more, got '${text}'`,
    );
  }
  return ms;
}

export async function benchCommand(
  file: string,
  flags: BenchFlags,
  stdout: Stream = process.stdout,
  stderr: Stream = process.stderr,
): Promise<number> {
  const monitorPids = parseMonitorPids(flags.monitorPid ?? []);
  const monitorIntervalMs = parseInterval(flags.monitorInterval);
  const maxRegression = parsePercentFlag(flags.maxRegression ?? '10%', '--max-regression');
  // Imported here, not at the top: `volley run` shares this file's parseMonitorPids only.
  const [{ readBenchReport }, { runSuite, suiteEntries }, { loadScenarioFile }, { formatBenchSummary, formatSuiteEntry }] =
    await Promise.all([
      import('../bench/bench-report.js'),
      import('../bench/run-suite.js'),
      import('../runner/scenario-file.js'),
      import('../outputs/bench/bench-summary.js'),
    ]);
  const baseline: BenchReport | undefined =
    flags.baseline === undefined ? undefined : await readBenchReport(flags.baseline);
  const loaded = await loadScenarioFile(file, volleyEntry());
  const entries = suiteEntries(loaded.exports.default, loaded.file);

  const output = { color: colorEnabled(stdout), width: stdout.columns ?? 120 };
  const controller = new AbortController();
  const interrupt = (): void => {
    if (controller.signal.aborted) return;
    stderr.write('\nStopping: the current entry ends after its current call; the rest are skipped.\n');
    controller.abort();
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  let report: BenchReport;
  try {
    report = await runSuite(entries, {
      file: loaded.file,
      monitorPids,
      signal: controller.signal,
      ...(monitorIntervalMs === undefined ? {} : { monitorIntervalMs }),
      ...(flags.filter === undefined ? {} : { filter: flags.filter }),
      ...(baseline === undefined
        ? {}
        : { baseline, compare: { maxRegression, baselineLabel: flags.baseline as string } }),
      onResult: (result, index) => {
        stdout.write(`${index === 0 ? '' : '\n'}${formatSuiteEntry(result, output)}\n`);
      },
    });
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
  stdout.write(`\n${formatBenchSummary(report, output)}\n`);
  if (flags.json !== undefined) {
    await writeFileAtomic(flags.json, `${JSON.stringify(report, null, 2)}\n`, 'json');
    stdout.write(`\nReport written to ${flags.json}\n`);
  }
  return report.outcome === 'passed'
    ? EXIT_PASSED
    : report.outcome === 'aborted'
      ? EXIT_ABORTED
      : EXIT_FAILED;
}
