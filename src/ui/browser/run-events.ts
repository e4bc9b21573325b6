/**
 * The server's event stream (`events`): `state` when the phase changes, `history` on connect,
 * `progress` every second, `reset` when the statistics start again from zero, and `end` once, each applied to the page; a badge shows while the
 * stream is down. A new run (the clock going back, or a new start time) clears the last one.
 */

import type { UiEnd, UiHistoryPoint, UiProgress, UiState } from '../ui-messages.js';
import { byId, setText, show } from './dom.js';
import { count, MISSING, msText, percent, rate } from './format.js';
import { addChartPoint, loadHistory, resetCharts } from './live-charts.js';
import { resetFailures, updateFailures } from './failures-table.js';
import { ui } from './page-state.js';
import { render, renderStatus, selectTab } from './page-view.js';
import { fillClasses, fillForm, resetStartButton } from './start-form.js';
import { fillTotalsAtEnd, resetStats, updateStats } from './stats-table.js';
import { renderReport } from './verdict-report.js';

const RECONNECT_MS = 3000;

function parse(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch (e) {
    console.error('volley: an event that is not JSON', e);
    return null;
  }
}

function resetRun(): void {
  ui.progress = null;
  ui.end = null;
  ui.stopRequested = false;
  ui.reportShown = false;
  resetStats();
  resetCharts();
  resetFailures();
  show(byId('tab-report'), false);
  setText(byId('s-rps-label'), 'RPS');
  setText(byId('s-p95-label'), 'p95 now');
  selectTab('stats');
}

/** Before a start: the form, the user classes, and what the scenario's own load is. */
function showWaiting(s: UiState, previous: UiState | null): void {
  fillClasses(s.userClasses);
  const fixed = typeof s.fixedLoad === 'string' && s.fixedLoad !== '';
  show(byId('load-fields'), !fixed);
  show(byId('plain-load'), !fixed);
  show(byId('fixed-load'), fixed);
  if (fixed) {
    setText(byId('fixed-load'), 'This scenario defines its own load (' + s.fixedLoad + '): Start runs it as written, against the host below.');
  }
  if (!ui.formTouched || previous === null || previous.phase !== 'waiting') fillForm(s.form);
}

export function onState(s: UiState): void {
  const previous = ui.state;
  const restarted = previous !== null && ((previous.phase !== 'waiting' && s.phase === 'waiting') ||
    (previous.startedAt !== null && s.startedAt !== null && previous.startedAt !== s.startedAt));
  if (restarted) resetRun();
  ui.state = s;
  resetStartButton();
  setText(byId('scenario-name'), s.scenario || 'volley');
  const file = byId('scenario-file');
  setText(file, s.file || '');
  show(file, Boolean(s.file));
  setText(byId('version'), s.version ? 'v' + s.version : '');
  if (s.phase === 'waiting') showWaiting(s, previous);
  render();
}

export function onProgress(p: UiProgress): void {
  let previous = ui.progress;
  // An earlier clock than the last event's is a new run the page did not see start.
  if (previous !== null && p.elapsedMs < previous.elapsedMs) {
    resetRun();
    previous = null;
  }
  ui.progress = p;
  renderStatus(p);
  updateStats(p, previous);
  updateFailures(p);
  addChartPoint(p, previous);
  render();
}

/** Reset stats: the table, failures and charts start again from zero, as the run's figures do. */
export function onReset(): void {
  ui.progress = null;
  resetStats();
  resetCharts();
  resetFailures();
  render();
}

export function onEnd(end: UiEnd): void {
  ui.end = end;
  const t = end.totals;
  setText(byId('s-rps-label'), 'RPS (avg)');
  setText(byId('s-rps'), rate(t.rps));
  setText(byId('s-p95-label'), 'p95');
  setText(byId('s-p95'), t.requests > 0 ? msText(t.p95Ms) : MISSING);
  setText(byId('s-requests'), count(t.requests));
  setText(byId('s-failures'), percent(t.requests > 0 ? t.failures / t.requests : 0));
  fillTotalsAtEnd(t);
  renderReport(end);
  show(byId('tab-report'), true);
  if (!ui.reportShown) {
    ui.reportShown = true;
    selectTab('report');
  }
  render();
}

export function connect(): void {
  const connection = byId('connection');
  const source = new EventSource('events');
  source.addEventListener('open', () => show(connection, false));
  source.addEventListener('error', () => {
    show(connection, true);
    // The browser retries by itself unless the server answered with something other than a stream.
    if (source.readyState === EventSource.CLOSED) setTimeout(connect, RECONNECT_MS);
  });
  source.addEventListener('state', (e: MessageEvent<string>) => {
    const s = parse(e.data);
    if (s) onState(s as UiState);
  });
  source.addEventListener('history', (e: MessageEvent<string>) => {
    const h = parse(e.data);
    if (Array.isArray(h)) loadHistory(h as UiHistoryPoint[]);
  });
  source.addEventListener('progress', (e: MessageEvent<string>) => {
    const p = parse(e.data);
    if (p) onProgress(p as UiProgress);
  });
  source.addEventListener('reset', () => onReset());
  source.addEventListener('end', (e: MessageEvent<string>) => {
    const end = parse(e.data);
    if (end) onEnd(end as UiEnd);
  });
}
