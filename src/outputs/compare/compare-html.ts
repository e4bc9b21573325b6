/**
 * `volley compare --html`: the comparison as one self-contained page (opens offline, from a CI
 * artifact): the verdict, the two runs, the table of every metric with its interval, warnings,
 * and how the verdicts were reached.
 */

import type { Comparison, RowComparison } from '../../compare/comparison.js';
import { formatCount } from '../../core/units/index.js';
import {
  formatChange,
  formatEvidence,
  formatRelativeChange,
  formatValue,
  formatWhen,
  headline,
  methodNote,
  metricName,
  verdictMark,
  verdictText,
} from './cells.js';
import { escapeHtml, htmlPage, verdictClass } from './html-page.js';

function verdictCell(verdict: Parameters<typeof verdictText>[0]): string {
  return `<td class="${verdictClass(verdict)}">${escapeHtml(`${verdictMark(verdict)} ${verdictText(verdict)}`.trim())}</td>`;
}

function rowHtml(row: RowComparison): string {
  const count = (value: number | null): string => (value === null ? '' : `${formatCount(value)} req`);
  const name = `<td class="name" colspan="2" title="${escapeHtml(row.label)}">${escapeHtml(row.label)}</td>`;
  if (row.presence !== 'both') {
    const side = row.presence === 'added' ? 'current' : 'baseline';
    return `<tr class="group">${name}<td class="num muted">${count(row.requests.baseline)}</td><td class="num muted">${count(row.requests.current)}</td><td></td><td></td><td class="muted">only in the ${side} run</td>${verdictCell(row.verdict)}</tr>`;
  }
  const head = `<tr class="group">${name}<td class="num muted">${count(row.requests.baseline)}</td><td class="num muted">${count(row.requests.current)}</td><td colspan="4"></td></tr>`;
  const metrics = row.metrics.map(
    (m) =>
      `<tr><td></td><td>${escapeHtml(metricName(m))}</td><td class="num">${escapeHtml(formatValue(m, m.baseline))}</td><td class="num">${escapeHtml(formatValue(m, m.current))}</td><td class="num">${escapeHtml(formatChange(m))}</td><td class="num">${m.unit === 'fraction' ? '' : escapeHtml(formatRelativeChange(m))}</td><td class="muted">${escapeHtml(formatEvidence(m))}</td>${verdictCell(m.verdict)}</tr>`,
  );
  return [head, ...metrics].join('\n');
}

export function renderComparisonHtml(comparison: Comparison): string {
  const { baseline, current } = comparison;
  const { word, detail } = headline(comparison);
  const runRow = (name: string, s: typeof baseline): string =>
    `<tr><th>${name}</th><td>${escapeHtml(s.label)}</td><td>${escapeHtml(formatWhen(s.startedAt))}</td><td class="num">${formatCount(s.requests)}</td><td>${escapeHtml(s.load)}</td><td>${escapeHtml(s.volley)}</td></tr>`;
  const warnings =
    comparison.warnings.length === 0
      ? ''
      : `<ul class="warnings">${comparison.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>`;
  const body = `
<h1><span class="brand">volley</span>compare: ${escapeHtml(current.scenario)}</h1>
<div class="banner ${comparison.verdict}"><strong>${escapeHtml(word)}</strong><span>${escapeHtml(detail)}</span></div>
<div class="card"><table>
<thead><tr><th>Run</th><th>File</th><th>Started</th><th class="num">Requests</th><th>Load</th><th>volley</th></tr></thead>
<tbody>${runRow('baseline', baseline)}${runRow('current', current)}</tbody>
</table></div>
${warnings}
<div class="card"><table>
<thead><tr><th>Endpoint</th><th>Metric</th><th class="num">Baseline</th><th class="num">Current</th><th class="num">Change</th><th class="num">%</th><th>${Math.round(comparison.settings.confidence * 100)}% interval</th><th>Verdict</th></tr></thead>
<tbody>
${[comparison.total, ...comparison.endpoints].map(rowHtml).join('\n')}
</tbody>
</table></div>
<p class="note">${escapeHtml(methodNote(comparison))}</p>`;
  return htmlPage({ title: `volley compare: ${current.scenario} (${word.toLowerCase()})`, body });
}
