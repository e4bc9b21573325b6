/**
 * The Statistics tab: one row per endpoint (user class, method, name) with the cumulative figures
 * each `progress` event carries, and the current RPS, which the feed does not carry per row: it is
 * the change in `requests` between two successive events over the change in `elapsedMs`.
 *
 * Rows are built once (createElement + textContent) and then only their cells' text changes; the
 * body is re-laid only when a row is added or the order changes (a click on a heading sorts).
 */

import type { LiveEndpointRow, UiEnd, UiProgress } from '../ui-messages.js';
import { byId, clear, element, setText } from './dom.js';
import { count, isNumber, MISSING, msValue, percent, rate } from './format.js';
import { FIRST_BASELINE_MS } from './progress-baseline.js';
import { PROTOCOLS } from '../../metrics/endpoint-key.js';

/** How the table names a row's protocol (as the summary's Protocol column does). */
function protocolName(protocol: string): string {
  return (PROTOCOLS as Record<string, string>)[protocol] ?? protocol;
}

type SortKey = 'method' | 'name' | 'requests' | 'failures' | 'avgMs' | 'p50Ms' | 'p95Ms' | 'p99Ms' | 'maxMs' | 'current';

interface FailCells {
  fails: HTMLTableCellElement;
  failCount: HTMLElement;
  failShare: HTMLElement;
}

interface StatsRow {
  tr: HTMLTableRowElement;
  data: LiveEndpointRow;
  current: number | null;
  seen: boolean;
  lastRequests: number;
  cells: FailCells & Record<'requests' | 'avg' | 'p50' | 'p95' | 'p99' | 'max' | 'current', HTMLTableCellElement>;
}

/** The Aggregated row's figures. */
interface Totals {
  requests: number;
  failures: number;
  avgMs: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  rps: number | null;
}

const TEXT_SORT: Partial<Record<SortKey, true>> = { method: true, name: true };
const NO_TOTALS: Totals = { requests: 0, failures: 0, avgMs: null, p50Ms: null, p95Ms: null, p99Ms: null, maxMs: null, rps: null };

const statsBody = byId<HTMLTableSectionElement>('stats-body');
const totalCells = byId<HTMLTableRowElement>('stats-total').cells;
const totalFails: FailCells = {
  fails: totalCells[3] as HTMLTableCellElement,
  failCount: element('span'),
  failShare: element('span', 'pct'),
};
let statsRows: Record<string, StatsRow> = {};
let statsKeys: string[] = [];
let statsOrder = '';
let statsSort: { key: SortKey | null; descending: boolean } = { key: null, descending: true };
let lastTotals: Totals | null = null;

function rowKey(r: LiveEndpointRow): string {
  return (r.scenario || '') + '\u0000' + r.userClass + '\u0000' + r.method + '\u0000' + r.name + '\u0000' + (r.protocol ?? '');
}

function addCell(tr: HTMLTableRowElement, className?: string): HTMLTableCellElement {
  const td = element('td', className);
  tr.appendChild(td);
  return td;
}

function createStatsRow(r: LiveEndpointRow): StatsRow {
  const tr = element('tr');
  const type = addCell(tr);
  type.appendChild(element('span', 'method', r.method === '' ? 'task' : r.method));
  // Rows of other protocols than HTTP/1.1 say which (two GET /a rows: HTTP/1.1 and HTTP/2).
  if (r.protocol !== undefined) type.appendChild(element('span', 'protocol', protocolName(r.protocol)));
  const name = addCell(tr, 'name');
  if (r.scenario) {
    name.appendChild(element('span', 'uc', r.scenario + ':'));
    name.appendChild(document.createTextNode(' '));
  }
  if (r.userClass !== '') {
    name.appendChild(element('span', 'uc', r.userClass));
    name.appendChild(element('span', 'sep', '\u00b7'));
  }
  name.appendChild(element('code', null, r.name));
  const requests = addCell(tr, 'num');
  const fails = addCell(tr, 'num');
  const failCount = element('span');
  const failShare = element('span', 'pct');
  fails.appendChild(failCount);
  fails.appendChild(failShare);
  return {
    tr,
    data: r,
    current: null,
    seen: false,
    lastRequests: 0,
    cells: {
      requests,
      fails,
      failCount,
      failShare,
      avg: addCell(tr, 'num'),
      p50: addCell(tr, 'num'),
      p95: addCell(tr, 'num'),
      p99: addCell(tr, 'num'),
      max: addCell(tr, 'num'),
      current: addCell(tr, 'num'),
    },
  };
}

function fillFailures(cells: FailCells, failures: number, requests: number): void {
  setText(cells.failCount, count(failures));
  setText(cells.failShare, failures > 0 && requests > 0 ? percent(failures / requests) : '');
  const tone = failures > 0 ? 'num bad' : 'num muted';
  if (cells.fails.className !== tone) cells.fails.className = tone;
}

function fillStatsRow(row: StatsRow): void {
  const r = row.data;
  const c = row.cells;
  setText(c.requests, count(r.requests));
  fillFailures(c, r.failures, r.requests);
  setText(c.avg, r.requests > 0 ? msValue(r.avgMs) : MISSING);
  setText(c.p50, msValue(r.p50Ms));
  setText(c.p95, msValue(r.p95Ms));
  setText(c.p99, msValue(r.p99Ms));
  setText(c.max, msValue(r.maxMs));
  setText(c.current, row.current === null ? MISSING : rate(row.current));
}

function sortValue(row: StatsRow, key: SortKey): string | number | null | undefined {
  if (key === 'current') return row.current;
  if (key === 'name') return row.data.userClass + ' ' + row.data.name;
  return row.data[key];
}

function missing(v: unknown): number {
  return v === null || v === undefined ? 1 : 0;
}

function orderedKeys(): string[] {
  const keys = statsKeys.slice();
  const key = statsSort.key;
  if (key === null) return keys;
  const text = TEXT_SORT[key] === true;
  const sign = statsSort.descending ? -1 : 1;
  const position: Record<string, number> = {};
  keys.forEach((k, i) => {
    position[k] = i;
  });
  const at = (k: string): number => position[k] ?? 0;
  keys.sort((a, b) => {
    const va = sortValue(statsRows[a] as StatsRow, key);
    const vb = sortValue(statsRows[b] as StatsRow, key);
    // Missing values sort last whichever the direction.
    if (va === null || va === undefined || vb === null || vb === undefined) {
      return missing(va) - missing(vb) || at(a) - at(b);
    }
    const c = text ? String(va).localeCompare(String(vb), undefined, { numeric: true }) : Number(va) - Number(vb);
    return sign * c || at(a) - at(b);
  });
  return keys;
}

function layOutRows(): void {
  const keys = orderedKeys();
  const order = keys.join('\u0001');
  if (order === statsOrder) return;
  statsOrder = order;
  const fragment = document.createDocumentFragment();
  keys.forEach((k) => fragment.appendChild((statsRows[k] as StatsRow).tr));
  clear(statsBody);
  statsBody.appendChild(fragment);
}

export function resetStats(): void {
  statsRows = {};
  statsKeys = [];
  statsOrder = '';
  lastTotals = null;
  fillTotals(NO_TOTALS);
  clear(statsBody);
  const empty = element('td', 'empty', 'No requests yet.');
  empty.colSpan = 10;
  statsBody.appendChild(element('tr')).appendChild(empty);
}

/** Updates one endpoint's row (adding it the first time), with its rate since the last event. */
function updateRow(r: LiveEndpointRow, seconds: number, baselineKnown: boolean): void {
  const key = rowKey(r);
  let row = statsRows[key];
  if (!row) {
    row = createStatsRow(r);
    statsRows[key] = row;
    statsKeys.push(key);
  }
  // A duplicate or replayed event (same elapsed time) keeps the last rate rather than dividing by 0.
  if (seconds > 0) {
    const base = row.seen ? row.lastRequests : baselineKnown ? 0 : null;
    row.current = base === null ? null : Math.max(0, r.requests - base) / seconds;
  }
  row.seen = true;
  row.lastRequests = r.requests;
  row.data = r;
  fillStatsRow(row);
}

/** The Aggregated row: the run's own totals, or (from an older feed) what the rows add up to. */
function totalsOf(progress: UiProgress): Totals {
  const total = progress.total;
  if (total) {
    return {
      requests: total.requests,
      failures: total.failures,
      avgMs: total.requests > 0 ? total.avgMs : null,
      p50Ms: total.p50Ms,
      p95Ms: total.p95Ms,
      p99Ms: total.p99Ms,
      maxMs: total.maxMs,
      rps: progress.rps,
    };
  }
  let weightedAvg = 0;
  let max: number | null = null;
  (progress.endpoints || []).forEach((r) => {
    weightedAvg += r.avgMs * r.requests;
    if (isNumber(r.maxMs)) max = max === null ? r.maxMs : Math.max(max, r.maxMs);
  });
  return {
    requests: progress.requests,
    failures: progress.failures,
    avgMs: progress.requests > 0 ? weightedAvg / progress.requests : null,
    p50Ms: null,
    p95Ms: null,
    p99Ms: null,
    maxMs: max,
    rps: progress.rps,
  };
}

/** 'previous' is the last progress event before this one, or null. */
export function updateStats(progress: UiProgress, previous: UiProgress | null): void {
  const seconds = previous ? (progress.elapsedMs - previous.elapsedMs) / 1000 : progress.elapsedMs / 1000;
  const baselineKnown = previous !== null || progress.elapsedMs <= FIRST_BASELINE_MS;
  (progress.endpoints || []).forEach((r) => updateRow(r, seconds, baselineKnown));
  if (statsKeys.length > 0) layOutRows();
  lastTotals = totalsOf(progress);
  fillTotals(lastTotals);
}

/** At the end, the whole run's figures replace the live ones the Aggregated row could not have. */
export function fillTotalsAtEnd(totals: UiEnd['totals']): void {
  const t = lastTotals || { avgMs: null, maxMs: null, rps: null };
  fillTotals({
    requests: totals.requests,
    failures: totals.failures,
    avgMs: t.avgMs,
    p50Ms: totals.requests > 0 ? totals.p50Ms : null,
    p95Ms: totals.requests > 0 ? totals.p95Ms : null,
    p99Ms: totals.requests > 0 ? totals.p99Ms : null,
    maxMs: t.maxMs,
    rps: t.rps,
  });
}

function totalCell(i: number): HTMLTableCellElement {
  return totalCells[i] as HTMLTableCellElement;
}

/** The Aggregated row: the whole run's figures so far, and the last interval's RPS. */
function fillTotals(t: Totals): void {
  setText(totalCell(2), count(t.requests));
  fillFailures(totalFails, t.failures, t.requests);
  setText(totalCell(4), msValue(t.avgMs));
  setText(totalCell(5), msValue(t.p50Ms));
  setText(totalCell(6), msValue(t.p95Ms));
  setText(totalCell(7), msValue(t.p99Ms));
  setText(totalCell(8), msValue(t.maxMs));
  setText(totalCell(9), rate(t.rps));
  const note = t.p50Ms === null ? 'the whole run\u2019s percentiles arrive when it ends' : '';
  [5, 6, 7].forEach((i) => {
    totalCell(i).title = note;
  });
}

function sortBy(th: HTMLTableCellElement): void {
  const key = th.getAttribute('data-sort') as SortKey;
  if (statsSort.key === key) statsSort.descending = !statsSort.descending;
  else statsSort = { key, descending: TEXT_SORT[key] !== true };
  Array.prototype.forEach.call((th.parentNode as HTMLTableRowElement).cells, (h: HTMLTableCellElement) =>
    h.removeAttribute('aria-sort'),
  );
  th.setAttribute('aria-sort', statsSort.descending ? 'descending' : 'ascending');
  layOutRows();
}

/** Headings sort on click, Enter or Space; the Aggregated row starts empty. */
export function initStats(): void {
  totalFails.fails.appendChild(totalFails.failCount);
  totalFails.fails.appendChild(totalFails.failShare);
  document.querySelectorAll<HTMLTableCellElement>('#stats-table th.sortable').forEach((th) => {
    th.tabIndex = 0;
    th.addEventListener('click', () => sortBy(th));
    th.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        sortBy(th);
      }
    });
  });
  fillTotals(NO_TOTALS);
}
