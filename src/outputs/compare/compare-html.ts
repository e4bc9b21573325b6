/**
 * `volley compare --html`: the comparison as one self-contained page (opens offline, from a CI
 * artifact): the verdict, the two runs, the table of every metric with its interval (and of
 * every custom metric, when the runs have any), warnings, and how the verdicts were reached.
 */

import type { Comparison } from '../../compare/comparison.js';
import { formatCount } from '../../core/units/index.js';
import {
  formatChange,
  formatEvidence,
  formatRelativeChange,
  formatValue,
  formatWhen,
  headline,
  methodNote,
  verdictMark,
  verdictText,
} from './cells.js';
import { customMetricGroup, endpointGroup, groupNote, type TableGroup } from './groups.js';
import { escapeHtml, htmlPage, verdictClass } from './html-page.js';

function verdictCell(verdict: Parameters<typeof verdictText>[0]): string {
  return `<td class="${verdictClass(verdict)}">${escapeHtml(`${verdictMark(verdict)} ${verdictText(verdict)}`.trim())}</td>`;
}

function rowHtml(group: TableGroup): string {
  const name = `<td class="name" colspan="2" title="${escapeHtml(group.label)}">${escapeHtml(group.label)}</td>`;
  const counts = `<td class="num muted">${escapeHtml(group.counts.baseline)}</td><td class="num muted">${escapeHtml(group.counts.current)}</td>`;
  const note = groupNote(group);
  if (note !== undefined) {
    const verdict = group.presence === 'both' ? '<td></td>' : verdictCell(group.verdict);
    return `<tr class="group">${name}${counts}<td></td><td></td><td class="muted">${escapeHtml(note)}</td>${verdict}</tr>`;
  }
  const detail = group.detail ?? '';
  const head =
    detail === ''
      ? `<tr class="group">${name}${counts}<td colspan="4"></td></tr>`
      : `<tr class="group">${name}${counts}<td colspan="2"></td><td class="muted">${escapeHtml(detail)}</td><td></td></tr>`;
  const metrics = group.lines.map(
    ({ name: figureName, figure: m }) =>
      `<tr><td></td><td>${escapeHtml(figureName)}</td><td class="num">${escapeHtml(formatValue(m, m.baseline))}</td><td class="num">${escapeHtml(formatValue(m, m.current))}</td><td class="num">${escapeHtml(formatChange(m))}</td><td class="num">${m.unit === 'fraction' ? '' : escapeHtml(formatRelativeChange(m))}</td><td class="muted">${escapeHtml(formatEvidence(m))}</td>${verdictCell(m.verdict)}</tr>`,
  );
  return [head, ...metrics].join('\n');
}

/** The custom metrics' table, when either run has any. */
function customMetricsHtml(comparison: Comparison): string {
  if (comparison.metrics === undefined) return '';
  return `
<div class="card"><table>
<thead><tr><th>Custom metric</th><th>Figure</th><th class="num">Baseline</th><th class="num">Current</th><th class="num">Change</th><th class="num">%</th><th>${Math.round(comparison.settings.confidence * 100)}% interval</th><th>Verdict</th></tr></thead>
<tbody>
${comparison.metrics.map(customMetricGroup).map(rowHtml).join('\n')}
</tbody>
</table></div>`;
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
${[comparison.total, ...comparison.endpoints].map(endpointGroup).map(rowHtml).join('\n')}
</tbody>
</table></div>${customMetricsHtml(comparison)}
<p class="note">${escapeHtml(methodNote(comparison))}</p>`;
  return htmlPage({ title: `volley compare: ${current.scenario} (${word.toLowerCase()})`, body });
}
