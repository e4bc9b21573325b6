/**
 * The Result as a compact Markdown summary (`--md file.md`), for `$GITHUB_STEP_SUMMARY` and
 * pull-request comments: a pure `(result) → string`. It answers, in order, what a reviewer asks:
 * did it pass; what ran and how fast; which thresholds; which endpoints were busiest; what went
 * wrong (and, with `--slowest`, which requests were slowest); why to distrust the numbers.
 * Sections without content are left out.
 */

import { protocolLabel } from '../../metrics/endpoint-key.js';
import { customMetricText } from '../custom-metric-text.js';
import type { EndpointStats, ErrorEntry, Result, ThresholdVerdict } from '../../metrics/result.js';
import { formatCount, formatCountOf, formatDuration, formatPercent, formatRate, MISSING } from '../../core/units/index.js';
import { verdictText } from '../summary.js';
import { escapeMarkdown, markdownTable } from './markdown-text.js';
import { slowestSection } from './markdown-slowest.js';
import { runLoadText, runUsers } from '../run-load.js';

export const TOP_ENDPOINTS = 10;
export const TOP_ERRORS = 5;

const DOT = ' · ';

const VERDICT_EMOJI: Record<Result['outcome'], string> = {
  passed: '✅',
  failed: '❌',
  aborted: '⛔',
};

function headline(result: Result): string[] {
  return [`## ${VERDICT_EMOJI[result.outcome]} ${escapeMarkdown(verdictText(result))}`];
}


function facts(result: Result): string[] {
  const { totals } = result;
  const parts = [`**${escapeMarkdown(result.scenario.name)}**`, formatDuration(result.durationMs)];
  const load = runLoadText(result);
  const count = runUsers(result);
  if (load !== undefined) parts.push(escapeMarkdown(load));
  else if (count !== undefined) parts.push(formatCountOf(count, 'user'));
  parts.push(formatCountOf(totals.requests, 'request'), `${formatRate(totals.rps)} req/s`);
  if (totals.requests > 0) {
    parts.push(`p95 ${formatDuration(totals.latency.p95, 'latency')}`);
    parts.push(`${formatPercent(totals.failures / totals.requests, 2)} errors`);
  }
  return [parts.join(DOT)];
}

function actualCell(verdict: ThresholdVerdict): string {
  const actual =
    verdict.actual === null
      ? MISSING
      : verdict.actualText !== ''
        ? verdict.actualText
        : String(verdict.actual);
  const note = verdict.note === undefined ? '' : ` (${verdict.note})`;
  return escapeMarkdown(`${actual}${note}`);
}

function thresholdSection(result: Result): string[] {
  if (result.thresholds.length === 0) return [];
  const rows = result.thresholds.map((verdict) => [
    verdict.ok ? '✓' : '✗',
    escapeMarkdown(verdict.expression),
    actualCell(verdict),
  ]);
  const columns = [
    { heading: '', align: 'center' },
    { heading: 'Threshold', align: 'left' },
    { heading: 'Actual', align: 'right' },
  ] as const;
  return ['### Thresholds', '', ...markdownTable(columns, rows)];
}

/** `25 (4.2%)`, or `0`. */
function failuresCell(failures: number, requests: number): string {
  if (failures === 0 || requests === 0) return formatCount(failures);
  return `${formatCount(failures)} (${formatPercent(failures / requests)})`;
}

function byRequests(a: EndpointStats, b: EndpointStats): number {
  if (a.requests !== b.requests) return b.requests - a.requests;
  const [x, y] = [`${a.name}\u0000${a.method}\u0000${a.user}`, `${b.name}\u0000${b.method}\u0000${b.user}`];
  return x < y ? -1 : x > y ? 1 : 0;
}

function endpointSection(result: Result): string[] {
  if (result.endpoints.length === 0) return [];
  const severalUsers = new Set(result.endpoints.map((endpoint) => endpoint.user)).size > 1;
  const top = [...result.endpoints].sort(byRequests).slice(0, TOP_ENDPOINTS);
  // A run that spoke more than HTTP/1.1 says which protocol each row is, as the summary does.
  const protocols = result.endpoints.some((endpoint) => endpoint.protocol !== undefined);
  const rows = top.map((endpoint) => {
    const name = severalUsers ? `${endpoint.user}${DOT}${endpoint.name}` : endpoint.name;
    const latency = (ms: number) => (endpoint.requests === 0 ? MISSING : formatDuration(ms, 'latency'));
    return [
      ...(protocols ? [protocolLabel(endpoint, Object.keys(endpoint.statusCodes).length > 0)] : []),
      escapeMarkdown(endpoint.method),
      escapeMarkdown(name),
      formatCount(endpoint.requests),
      failuresCell(endpoint.failures, endpoint.requests),
      formatRate(endpoint.rps),
      latency(endpoint.latency.p50),
      latency(endpoint.latency.p95),
      latency(endpoint.latency.p99),
    ];
  });
  const numeric = ['Requests', 'Failures', 'RPS', 'p50', 'p95', 'p99'].map(
    (heading) => ({ heading, align: 'right' }) as const,
  );
  const columns = [
    ...(protocols ? [{ heading: 'Protocol', align: 'left' } as const] : []),
    { heading: 'Method', align: 'left' } as const,
    { heading: 'Name', align: 'left' } as const,
  ];
  const total = result.endpoints.length;
  const title = total > TOP_ENDPOINTS ? `### Top ${TOP_ENDPOINTS} of ${total} endpoints` : '### Endpoints';
  return [title, '', ...markdownTable([...columns, ...numeric], rows)];
}

function firstLine(message: string): string {
  return message.split(/\r?\n/, 1)[0] ?? '';
}

function errorSection(result: Result): string[] {
  if (result.errors.length === 0) return [];
  const top = result.errors
    .map((error, index) => ({ error, index }))
    .sort((a, b) => b.error.count - a.error.count || a.index - b.index)
    .slice(0, TOP_ERRORS)
    .map(({ error }): ErrorEntry => error);
  const rows = top.map((error) => [
    formatCount(error.count),
    escapeMarkdown(firstLine(error.message)),
    escapeMarkdown(error.endpoint),
  ]);
  const columns = [
    { heading: 'Count', align: 'right' },
    { heading: 'Error', align: 'left' },
    { heading: 'Where', align: 'left' },
  ] as const;
  const total = result.errors.length;
  const title = total > TOP_ERRORS ? `### Top ${TOP_ERRORS} of ${total} errors` : '### Errors';
  return [title, '', ...markdownTable(columns, rows)];
}

function failedCheckSection(result: Result): string[] {
  const failed = result.checks.filter((check) => check.fails > 0);
  if (failed.length === 0) return [];
  const rows = failed.map((check) => {
    const total = check.passes + check.fails;
    return [
      escapeMarkdown(`${check.user}${DOT}${check.name}`),
      `${formatCount(check.fails)} of ${formatCount(total)} (${formatPercent(check.fails / total)})`,
    ];
  });
  const columns = [
    { heading: 'Check', align: 'left' },
    { heading: 'Failed', align: 'right' },
  ] as const;
  return ['### Failed checks', '', ...markdownTable(columns, rows)];
}

function customMetricSection(result: Result): string[] {
  const metrics = result.metrics ?? [];
  if (metrics.length === 0) return [];
  const columns = [
    { heading: 'Metric', align: 'left' },
    { heading: 'Kind', align: 'left' },
    { heading: 'Value', align: 'left' },
  ] as const;
  const rows = metrics.map((metric) => [
    escapeMarkdown(metric.name),
    metric.kind,
    escapeMarkdown(customMetricText(metric)),
  ]);
  return ['### Custom metrics', '', ...markdownTable(columns, rows)];
}

function warningSection(result: Result): string[] {
  // A blank quoted line between warnings keeps each its own paragraph.
  return result.warnings.flatMap((warning, index) => [
    ...(index > 0 ? ['>'] : []),
    `> ⚠️ ${escapeMarkdown(warning)}`,
  ]);
}

/** The whole summary, ending with a newline so it can be appended to other Markdown. */
export function formatMarkdownSummary(result: Result): string {
  const sections = [
    headline(result),
    facts(result),
    thresholdSection(result),
    endpointSection(result),
    errorSection(result),
    slowestSection(result),
    failedCheckSection(result),
    customMetricSection(result),
    warningSection(result),
  ].filter((lines) => lines.length > 0);
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
