/**
 * The Report tab, filled once from the `end` event: the verdict in the HTML report's style (with
 * aborted in purple, as in the HTML report), the thresholds with ✓/✗ and their measured values,
 * the warnings, and links to the report and result files the server serves. Every string goes in
 * as text.
 */

import type { UiEnd } from '../ui-messages.js';
import { byId, clear, element, ownUrl, setText, show } from './dom.js';
import { count, isNumber, MISSING, msText, percent, plural, rate } from './format.js';

export const VERDICT_WORDS: Record<string, string> = { passed: 'PASSED', failed: 'FAILED', aborted: 'ABORTED' };
const VERDICT_MARKS: Record<string, string> = { passed: '\u2713', failed: '\u2717', aborted: '\u25a0' };

function verdictReason(end: UiEnd): string {
  const total = end.thresholds.length;
  const failed = end.thresholds.filter((t) => !t.passed).length;
  if (end.verdict === 'aborted') return 'the run was stopped before its planned end';
  if (end.verdict === 'passed') {
    if (total === 0) return 'no thresholds set, and nothing failed';
    return total === 1 ? 'the threshold passed' : 'all ' + total + ' thresholds passed';
  }
  if (failed > 0) return failed + ' of ' + plural(total, 'threshold') + ' failed';
  if (end.totals.failures > 0) return 'no thresholds set, and ' + plural(end.totals.failures, 'failed request');
  return 'the run failed';
}

function tile(label: string, value: string, bad?: boolean): HTMLElement {
  const div = element('div', bad ? 'tile bad' : 'tile');
  div.appendChild(element('dt', null, label));
  div.appendChild(element('dd', null, value));
  return div;
}

function setLink(el: HTMLElement, url: string): void {
  const href = ownUrl(url);
  if (href === null) {
    el.hidden = true;
    el.removeAttribute('href');
  } else {
    el.hidden = false;
    el.setAttribute('href', url);
  }
}

function renderThresholds(end: UiEnd): void {
  const body = byId('thresholds-body');
  clear(body);
  let passed = 0;
  end.thresholds.forEach((t) => {
    if (t.passed) passed += 1;
    const tr = element('tr');
    const mark = element('td', t.passed ? 'mark ok' : 'mark bad', t.passed ? '\u2713' : '\u2717');
    mark.title = t.passed ? 'passed' : 'failed';
    tr.appendChild(mark);
    tr.appendChild(element('td')).appendChild(element('code', null, t.expression));
    tr.appendChild(element('td', t.passed ? 'num' : 'num bad', t.actual === '' ? MISSING : t.actual));
    body.appendChild(tr);
  });
  const any = end.thresholds.length > 0;
  show(byId('thresholds-wrap'), any);
  show(byId('no-thresholds'), !any);
  setText(byId('thresholds-note'), any ? passed + ' of ' + end.thresholds.length + ' passed' : '');
}

function renderWarnings(end: UiEnd): void {
  const list = byId('warnings-list');
  clear(list);
  const warnings = end.warnings || [];
  warnings.forEach((w) => list.appendChild(element('li', null, w)));
  setText(byId('warnings-heading'), warnings.length === 1 ? 'Warning' : 'Warnings');
  show(byId('warnings'), warnings.length > 0);
}

function renderTiles(end: UiEnd): void {
  const t = end.totals;
  const has = t.requests > 0;
  const tiles = byId('verdict-tiles');
  clear(tiles);
  if (end.load) tiles.appendChild(tile('load', end.load));
  tiles.appendChild(tile('requests', count(t.requests)));
  tiles.appendChild(tile('failures', has ? percent(t.failures / t.requests) : MISSING, t.failures > 0));
  tiles.appendChild(tile('throughput', rate(t.rps) + '/s'));
  tiles.appendChild(tile('p50', has ? msText(t.p50Ms) : MISSING));
  tiles.appendChild(tile('p95', has ? msText(t.p95Ms) : MISSING));
  tiles.appendChild(tile('p99', has ? msText(t.p99Ms) : MISSING));
}

export function renderReport(end: UiEnd): void {
  byId('verdict').className = 'verdict ' + end.verdict;
  setText(byId('verdict-mark'), VERDICT_MARKS[end.verdict] || '');
  setText(byId('verdict-word'), VERDICT_WORDS[end.verdict] || String(end.verdict).toUpperCase());
  setText(byId('verdict-reason'), verdictReason(end));
  const exitCode: unknown = (end as UiEnd & { exitCode?: unknown }).exitCode;
  setText(byId('verdict-exit'), isNumber(exitCode) ? 'exit code ' + exitCode : '');
  renderTiles(end);
  renderWarnings(end);
  renderThresholds(end);
  setLink(byId('report-link'), end.reportUrl);
  setLink(byId('result-link'), end.resultUrl);
  byId('tab-report-dot').className = 'tab-dot ' + end.verdict;
}
