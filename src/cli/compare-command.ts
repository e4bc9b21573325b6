/**
 * `volley compare baseline.json current.json`: is the current run slower, or failing more, than
 * the baseline, beyond noise and beyond a tolerance? Prints the comparison table and writes it
 * as Markdown, HTML or JSON on request. Exit code 1 when any metric regressed, 0 otherwise, 2 on
 * bad input. Also exports what `volley run --baseline` needs to do the same after a run. The
 * statistics and the renderers are imported when a comparison runs, not when the CLI starts.
 */

import type { Command } from 'commander';
import type { Comparison } from '../compare/comparison.js';
import type { CompareOptions } from '../compare/settings.js';
import { tryParsePercent } from '../core/units/percent.js';
import { VolleyError } from '../errors.js';
import type { Result } from '../metrics/result.js';
import { writeFileAtomic } from '../core/atomic-write.js';
import { colorEnabled } from '../outputs/color.js';
import { EXIT_FAILED, EXIT_PASSED } from './exit-codes.js';

export interface CompareFlags {
  maxRegression: string;
  confidence: string;
  seed?: string;
  md?: string;
  html?: string;
  json?: string;
}

interface Stream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export function registerCompareCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('compare')
    .description('compare a run with a baseline run: regressions beyond noise and tolerance exit 1')
    .argument('<baseline>', 'result document of the baseline run (volley run --json)')
    .argument('<current>', 'result document of the run to judge')
    .option('--max-regression <percent>', 'smallest change that counts, relative to the baseline', '10%')
    .option('--confidence <percent>', 'confidence of the significance tests', '95%')
    .option('--seed <n>', 'seed of the bootstrap resampling (results are deterministic)')
    .option('--md <file>', 'also write the comparison as Markdown')
    .option('--html <file>', 'also write the comparison as a self-contained HTML page')
    .option('--json <file>', 'also write the comparison as JSON')
    .action(async (baseline: string, current: string, flags: CompareFlags) => {
      setExitCode(await compareCommand(baseline, current, flags));
    });
}

/** A `--max-regression`-style percentage: `10%` or a fraction `0.1`; a usage error otherwise. */
export function parsePercentFlag(text: string, flag: string, range: { max?: number } = {}): number {
  const value = tryParsePercent(text);
  if (value === undefined || (range.max !== undefined && value >= range.max)) {
    throw new VolleyError(
      'VOLLEY_E_USAGE',
      `${flag}: expected a percentage like 10% or a fraction like 0.1, got '${text}'`,
    );
  }
  return value;
}

function parseSeed(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new VolleyError('VOLLEY_E_USAGE', `--seed: expected an integer, got '${text}'`);
  }
  return value;
}

export function comparisonExitCode(comparison: Comparison): number {
  return comparison.verdict === 'regressed' ? EXIT_FAILED : EXIT_PASSED;
}

/** Prints the comparison and writes the requested files. */
export async function writeComparison(
  comparison: Comparison,
  files: { md?: string; html?: string; json?: string },
  stdout: Stream,
): Promise<void> {
  const { renderComparisonText } = await import('../outputs/compare/compare-text.js');
  stdout.write(
    renderComparisonText(comparison, { color: colorEnabled(stdout), width: stdout.columns ?? 120 }),
  );
  if (files.md !== undefined) {
    const { renderComparisonMarkdown } = await import('../outputs/compare/compare-markdown.js');
    await writeFileAtomic(files.md, renderComparisonMarkdown(comparison), 'md');
  }
  if (files.html !== undefined) {
    const { renderComparisonHtml } = await import('../outputs/compare/compare-html.js');
    await writeFileAtomic(files.html, renderComparisonHtml(comparison), 'html');
  }
  if (files.json !== undefined) {
    await writeFileAtomic(files.json, `${JSON.stringify(comparison, null, 2)}\n`, 'json');
  }
}

function optionsFrom(flags: Pick<CompareFlags, 'maxRegression' | 'confidence' | 'seed'>): CompareOptions {
  const seed = parseSeed(flags.seed);
  return {
    maxRegression: parsePercentFlag(flags.maxRegression, '--max-regression'),
    confidence: parsePercentFlag(flags.confidence, '--confidence', { max: 1 }),
    ...(seed === undefined ? {} : { seed }),
  };
}

export async function compareCommand(
  baselinePath: string,
  currentPath: string,
  flags: CompareFlags,
  stdout: Stream = process.stdout,
): Promise<number> {
  const options = optionsFrom(flags);
  const [{ readResultFile }, { compareResults }] = await Promise.all([
    import('../metrics/result-reader.js'),
    import('../compare/compare-results.js'),
  ]);
  const [baseline, current] = await Promise.all([
    readResultFile(baselinePath, 'baseline'),
    readResultFile(currentPath, 'current'),
  ]);
  const comparison = compareResults(baseline, current, {
    ...options,
    baselineLabel: baselinePath,
    currentLabel: currentPath,
  });
  await writeComparison(comparison, flags, stdout);
  return comparisonExitCode(comparison);
}

/**
 * For `volley run --baseline <file>`: compares the run that just ended with a saved result,
 * prints the table, and returns 1 when it regressed (combine with the run's own exit code).
 * Pass the baseline already read (`readResultFile`) to fail on a bad file before the run starts.
 */
export async function compareWithBaseline(
  result: Result,
  baseline: string | { path: string; result: Result },
  flags: { maxRegression?: string; confidence?: string } = {},
  stdout: Stream = process.stdout,
): Promise<number> {
  const options = optionsFrom({
    maxRegression: flags.maxRegression ?? '10%',
    confidence: flags.confidence ?? '95%',
  });
  const [{ readResultFile }, { compareResults }] = await Promise.all([
    import('../metrics/result-reader.js'),
    import('../compare/compare-results.js'),
  ]);
  const loaded =
    typeof baseline === 'string'
      ? { path: baseline, result: await readResultFile(baseline, 'baseline') }
      : baseline;
  const comparison = compareResults(loaded.result, result, {
    ...options,
    baselineLabel: loaded.path,
    currentLabel: 'this run',
  });
  await writeComparison(comparison, {}, stdout);
  return comparisonExitCode(comparison);
}
