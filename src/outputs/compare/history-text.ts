/**
 * `volley history` in the terminal: the scenarios in the store, or one scenario's runs oldest
 * first with their key numbers, each run's verdict against the median of the runs before it,
 * and `◀ regression began here` where a sustained regression started.
 */

import type { TrendPoint } from '../../compare/trend.js';
import { palette } from '../color.js';
import { formatCount, formatDuration, formatPercent, formatRate, MISSING } from '../../core/units/index.js';
import { type Cell, renderTable } from '../table.js';
import { formatWhen } from './cells.js';
import { REGRESSION_BEGAN, trendVerdictText } from './history-cells.js';

export interface HistoryTextOptions {
  color?: boolean;
  width?: number;
}

export interface ScenarioListing {
  scenario: string;
  slug: string;
  runs: number;
  first: string;
  last: string;
}

export function renderScenarioList(
  scenarios: readonly ScenarioListing[],
  dir: string,
  options: HistoryTextOptions = {},
): string {
  const paint = palette(options.color ?? false);
  if (scenarios.length === 0) {
    return `No saved runs in ${dir} yet. Save runs with: volley run … --save\n`;
  }
  const lines = renderTable({
    columns: [
      { header: 'Scenario', shrink: 'middle' },
      { header: 'Folder', shrink: 'middle' },
      { header: 'Runs', align: 'right' },
      { header: 'First run' },
      { header: 'Last run' },
    ],
    rows: scenarios.map((s) => [
      s.scenario,
      s.slug,
      formatCount(s.runs),
      s.first === '' ? MISSING : formatWhen(s.first),
      s.last === '' ? MISSING : formatWhen(s.last),
    ]),
    maxWidth: options.width ?? 120,
    indent: 2,
    headerStyle: paint.dim,
    ruleStyle: paint.dim,
  }).map((line) => line.trimEnd());
  return `${paint.bold(`Saved runs in ${dir}`)}\n${lines.join('\n')}\n\n  Show one: volley history <scenario>\n`;
}

export function renderHistoryText(
  scenario: string,
  points: readonly TrendPoint[],
  options: HistoryTextOptions & { window?: number; hidden?: number } = {},
): string {
  const paint = palette(options.color ?? false);
  const ms = (value: number | null): string => (value === null ? MISSING : formatDuration(value, 'latency'));
  const rows = points.map((point, i): Cell[] => {
    const style =
      point.verdict === 'regressed' ? paint.red : point.verdict === 'improved' ? paint.green : paint.dim;
    const verdict = trendVerdictText(point);
    return [
      String((options.hidden ?? 0) + i + 1),
      formatWhen(point.startedAt, { seconds: true }),
      point.volley,
      formatCount(point.requests),
      formatRate(point.rps),
      point.errorRate === null ? MISSING : formatPercent(point.errorRate, 2),
      ms(point.p50),
      ms(point.p95),
      ms(point.p99),
      { text: verdict, style },
      { text: point.regressionBegan ? `◀ ${REGRESSION_BEGAN}` : '', style: paint.red },
    ];
  });
  const lines = renderTable({
    columns: [
      { header: '#', align: 'right' },
      { header: 'Started' },
      { header: 'volley' },
      { header: 'Requests', align: 'right' },
      { header: 'req/s', align: 'right' },
      { header: 'Errors', align: 'right' },
      { header: 'p50', align: 'right' },
      { header: 'p95', align: 'right' },
      { header: 'p99', align: 'right' },
      { header: 'Verdict', shrink: 'end', minWidth: 24 },
      // Its own column, so a long verdict is what gets shortened, never the marker.
      { header: '' },
    ],
    rows,
    maxWidth: options.width ?? 160,
    indent: 2,
    headerStyle: paint.dim,
    ruleStyle: paint.dim,
  }).map((line) => line.trimEnd());
  const began = points.filter((p) => p.regressionBegan);
  const footer =
    `Each run is compared with the median of the ${options.window ?? 5} runs before it. ` +
    (began.length === 0
      ? 'No sustained regression.'
      : `Regression began: ${began.map((p) => formatWhen(p.startedAt)).join(', ')}.`);
  const hidden = options.hidden ?? 0;
  const count =
    hidden > 0 ? `last ${points.length} of ${hidden + points.length} runs` : `${points.length} runs`;
  return `${paint.bold(`volley history: ${scenario}`)} ${paint.dim(`(${count})`)}\n${lines.join('\n')}\n\n  ${footer}\n`;
}
