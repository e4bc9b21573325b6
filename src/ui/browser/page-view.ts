/**
 * The parts of the page that follow the run as a whole: which card shows (connecting, waiting,
 * the start form or the run), the status bar's pill, figures and buttons, the title, and the tabs.
 */

import type { UiProgress } from '../ui-messages.js';
import { byId, ownUrl, setText, show } from './dom.js';
import { clock, count, isNumber, msText, percent, rate } from './format.js';
import { ensureCharts, redrawCharts, resizeCharts } from './live-charts.js';
import { phaseLook, ui } from './page-state.js';
import { renderRunControls } from './run-controls.js';

const stopButton = byId<HTMLButtonElement>('stop-button');
const tabs = Array.from(document.querySelectorAll<HTMLElement>('[role="tab"]'));

function renderStopAndLinks(over: boolean, kind: string): void {
  show(byId('runbar').parentNode as HTMLElement, !over);
  show(stopButton, !over);
  stopButton.disabled = kind === 'stopping';
  setText(byId('stop-label'), kind === 'stopping' ? 'stopping\u2026' : 'Stop');
  show(byId('new-test'), over && ui.state !== null && ui.state.restartable === true);
  const reportUrl = ui.end && ownUrl(ui.end.reportUrl) !== null ? ui.end.reportUrl : null;
  const statusLink = byId('status-report-link');
  show(statusLink, reportUrl !== null);
  if (reportUrl !== null && statusLink.getAttribute('href') !== reportUrl) statusLink.setAttribute('href', reportUrl);
}

export function render(): void {
  const s = ui.state;
  const waiting = s !== null && s.phase === 'waiting';
  show(byId('connecting'), s === null && ui.progress === null);
  show(byId('start'), waiting && s.startable);
  show(byId('waiting'), waiting && !s.startable);
  show(byId('run'), !waiting && (s !== null || ui.progress !== null));
  const look = phaseLook();
  const pill = byId('phase-pill');
  if (pill.className !== 'pill ' + look.kind) pill.className = 'pill ' + look.kind;
  setText(byId('phase-word'), look.word);
  const over = ui.end !== null || (s !== null && s.phase === 'finished');
  renderStopAndLinks(over, look.kind);
  renderRunControls();
  const name = s && s.scenario ? s.scenario : 'volley';
  document.title = waiting || s === null ? name + ' \u00b7 volley' : name + ' \u00b7 ' + look.word + ' \u00b7 volley';
}

/** The status bar's live figures. */
export function renderStatus(p: UiProgress): void {
  setText(byId('s-users'), count(p.users));
  setText(byId('s-rps'), rate(p.rps));
  setText(byId('s-p95'), msText(p.p95Ms));
  const failures = byId('s-failures');
  setText(failures, percent(p.requests > 0 ? p.failures / p.requests : 0));
  failures.className = p.failures > 0 ? 'bad' : '';
  setText(byId('s-requests'), count(p.requests));
  setText(byId('s-elapsed'), clock(p.elapsedMs));
  const planned = isNumber(p.plannedDurationMs) && p.plannedDurationMs > 0 ? p.plannedDurationMs : null;
  setText(byId('s-planned'), planned === null ? '' : ' / ' + clock(planned));
  byId('runbar').style.width = planned === null ? '0' : Math.min(100, (100 * p.elapsedMs) / planned) + '%';
}

export function selectTab(name: string | null): void {
  tabs.forEach((tab) => {
    const on = tab.getAttribute('data-tab') === name;
    tab.setAttribute('aria-selected', on ? 'true' : 'false');
    tab.tabIndex = on ? 0 : -1;
    show(byId(tab.getAttribute('aria-controls') as string), on);
  });
  if (name === 'charts') {
    ensureCharts();
    resizeCharts();
    redrawCharts();
  }
}

/** Tabs switch on click, and with the arrow keys between the visible ones. */
export function initTabs(): void {
  tabs.forEach((tab) => {
    tab.addEventListener('click', () => selectTab(tab.getAttribute('data-tab')));
    tab.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (step === 0) return;
      const visible = tabs.filter((t) => !t.hidden);
      const next = visible[(visible.indexOf(tab) + step + visible.length) % visible.length] as HTMLElement;
      selectTab(next.getAttribute('data-tab'));
      next.focus();
    });
  });
}
