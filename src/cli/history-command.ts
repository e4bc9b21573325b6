/**
 * `volley history [scenario]`: the runs saved with `volley run --save`, as a trend. Without a
 * scenario it lists the scenarios in the store; with one it prints its runs (date, version, key
 * numbers, a verdict against the median of the previous runs, where a regression began) and can
 * write the same as an HTML page with charts.
 */

import type { Command } from 'commander';
import { VolleyError } from '../errors.js';
import { writeFileAtomic } from '../core/atomic-write.js';
import { colorEnabled } from '../outputs/color.js';
import { parsePercentFlag } from './compare-command.js';
import { EXIT_PASSED } from './exit-codes.js';
import { DEFAULT_HISTORY_DIR } from '../compare/history-dir.js';

export interface HistoryFlags {
  dir: string;
  html?: string;
  last?: string;
  window: string;
  maxRegression: string;
}

interface Stream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}


export function registerHistoryCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('history')
    .description('show saved runs of a scenario as a trend, and where a regression began')
    .argument('[scenario]', 'scenario name (or its folder); without it, list the scenarios')
    .option('--dir <dir>', 'history folder', DEFAULT_HISTORY_DIR)
    .option('--html <file>', 'also write the trend as a self-contained HTML page with charts')
    .option('--last <n>', 'show only the last n runs')
    .option('--window <n>', 'compare each run with the median of this many previous runs', '5')
    .option('--max-regression <percent>', 'smallest change that counts, relative to the median', '10%')
    .action(async (scenario: string | undefined, flags: HistoryFlags) => {
      setExitCode(await historyCommand(scenario, flags));
    });
}

function positiveInteger(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new VolleyError('VOLLEY_E_USAGE', `${flag}: expected a whole number >= 1, got '${text}'`);
  }
  return value;
}

export async function historyCommand(
  scenario: string | undefined,
  flags: HistoryFlags,
  stdout: Stream = process.stdout,
  stderr: Stream = process.stderr,
): Promise<number> {
  const window = positiveInteger(flags.window, '--window');
  const last = flags.last === undefined ? undefined : positiveInteger(flags.last, '--last');
  const maxRegression = parsePercentFlag(flags.maxRegression, '--max-regression');
  const [{ unlikeness }, { analyzeTrend, sortByStart }, { listScenarios, loadHistory }, { renderHistoryText, renderScenarioList }] =
    await Promise.all([
      import('../compare/likeness.js'),
      import('../compare/trend.js'),
      import('../compare/history-store.js'),
      import('../outputs/compare/history-text.js'),
    ]);
  const color = colorEnabled(stdout);
  // A pipe or file has no width: do not cut verdicts short there.
  const width = stdout.columns ?? 240;
  if (scenario === undefined) {
    if (flags.html !== undefined) {
      throw new VolleyError(
        'VOLLEY_E_USAGE',
        '--html needs a scenario: volley history <scenario> --html out.html',
      );
    }
    stdout.write(renderScenarioList(await listScenarios(flags.dir), flags.dir, { color, width }));
    return EXIT_PASSED;
  }
  const history = await loadHistory(scenario, flags.dir);
  for (const skipped of history.skipped) stderr.write(`volley: skipped ${skipped.file}: ${skipped.reason}\n`);
  // The trend is computed over every run, so the first shown run still has its previous runs.
  const points = analyzeTrend(history.results, { window, maxRegression });
  const hidden = last === undefined ? 0 : Math.max(0, points.length - last);
  const shown = points.slice(hidden);
  stdout.write(renderHistoryText(history.scenario, shown, { color, width, window, hidden }));
  // Runs of another load, narrowing or length are not like the ones before: say which.
  const runs = sortByStart(history.results);
  runs.forEach((run, i) => {
    const previous = runs[i - 1];
    const unlike = previous === undefined || i < hidden ? [] : unlikeness(previous, run);
    if (unlike.length > 0) {
      stderr.write(
        `volley: NOT LIKE FOR LIKE: the run of ${run.startedAt} differs from the one before in ` +
          `${unlike.join('; ')}; its throughput is not judged.\n`,
      );
    }
  });
  if (flags.html !== undefined) {
    const { renderHistoryHtml } = await import('../outputs/compare/history-html.js');
    await writeFileAtomic(flags.html, renderHistoryHtml(history.scenario, shown, { window, hidden }), 'html');
  }
  return EXIT_PASSED;
}
