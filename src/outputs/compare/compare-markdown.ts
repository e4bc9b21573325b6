/**
 * `volley compare --md`: the comparison as GitHub-flavoured Markdown, for a pull-request comment
 * or `$GITHUB_STEP_SUMMARY`. One table, a row per metric, the endpoint named on its first row
 * (and one alike for custom metrics, when the runs have any); verdicts carry an emoji and a word, so they read in any theme and in plain text.
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
  verdictText,
} from './cells.js';
import { customMetricGroup, endpointGroup, groupNote, type TableGroup } from './groups.js';

/** Table cells: `|` ends a cell and a newline ends the row; backticks and `*` would format. */
export function markdownCell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[*_`[\]<>]/g, '\\$&')
    .replace(/\s+/g, ' ');
}

const EMOJI: Record<string, string> = {
  regressed: '🔴',
  improved: '🟢',
  unchanged: '⚪',
  'n/a': '',
  added: '➕',
  removed: '➖',
};

function verdictCell(verdict: keyof typeof EMOJI & Parameters<typeof verdictText>[0]): string {
  const word = verdictText(verdict);
  return verdict === 'regressed' ? `${EMOJI[verdict]} **${word}**` : `${EMOJI[verdict]} ${word}`.trim();
}

function rowLines(group: TableGroup): string[] {
  const detail = group.detail === undefined || group.detail === '' ? '' : ` ${markdownCell(group.detail)}`;
  const name = `**${markdownCell(group.label)}**${detail}`;
  const note = groupNote(group);
  if (note !== undefined) {
    const verdict = group.presence === 'both' ? '' : ` ${verdictCell(group.verdict)}`;
    return [
      `| ${name} | | ${group.counts.baseline} | ${group.counts.current} | | | ${markdownCell(note)} |${verdict} |`,
    ];
  }
  return group.lines.map(({ name: figureName, figure }, i) => {
    const cells = [
      i === 0 ? name : '',
      figureName,
      formatValue(figure, figure.baseline),
      formatValue(figure, figure.current),
      formatChange(figure),
      figure.unit === 'fraction' ? '' : formatRelativeChange(figure),
      markdownCell(formatEvidence(figure)),
      verdictCell(figure.verdict),
    ];
    return `| ${cells.join(' | ')} |`;
  });
}

export function renderComparisonMarkdown(comparison: Comparison): string {
  const { baseline, current, settings } = comparison;
  const { word, detail } = headline(comparison);
  const icon = comparison.verdict === 'regressed' ? '🔴' : comparison.verdict === 'improved' ? '🟢' : '⚪';
  const run = (name: string, s: typeof baseline): string =>
    `| ${name} | ${markdownCell(s.label)} | ${formatWhen(s.startedAt)} | ${formatCount(s.requests)} | ${markdownCell(s.load)} | ${markdownCell(s.volley)} |`;
  const lines = [
    `## volley compare: ${markdownCell(current.scenario)}`,
    '',
    `${icon} **${word}**: ${detail}`,
    '',
    '| Run | File | Started | Requests | Load | volley |',
    '| --- | --- | --- | ---: | --- | --- |',
    run('baseline', baseline),
    run('current', current),
    '',
    `| Endpoint | Metric | Baseline | Current | Change | % | ${Math.round(settings.confidence * 100)}% interval | Verdict |`,
    '| --- | --- | ---: | ---: | ---: | ---: | --- | --- |',
    ...rowLines(endpointGroup(comparison.total)),
    ...comparison.endpoints.map(endpointGroup).flatMap(rowLines),
    '',
  ];
  if (comparison.metrics !== undefined) {
    lines.push(
      `| Custom metric | Figure | Baseline | Current | Change | % | ${Math.round(settings.confidence * 100)}% interval | Verdict |`,
      '| --- | --- | ---: | ---: | ---: | ---: | --- | --- |',
      ...comparison.metrics.map(customMetricGroup).flatMap(rowLines),
      '',
    );
  }
  if (comparison.warnings.length > 0) {
    lines.push(...comparison.warnings.map((w) => `> ⚠️ ${markdownCell(w)}`), '');
  }
  lines.push(`<sub>${markdownCell(methodNote(comparison))}</sub>`, '');
  return lines.join('\n');
}
