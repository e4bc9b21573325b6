/**
 * The Statistics tab: one row per endpoint (user class, method, name) with the cumulative figures
 * each `progress` event carries, and the current RPS, which the feed does not carry per row: it is
 * the change in `requests` between two successive events over the change in `elapsedMs`.
 *
 * Rows are built once (createElement + textContent) and then only their cells' text changes; the
 * body is re-laid only when a row is added or the order changes (a click on a heading sorts).
 */

export const STATS_SCRIPT = String.raw`
var statsBody = byId('stats-body');
var statsRows = {};
var statsKeys = [];
var statsOrder = '';
var statsSort = { key: null, descending: true };
var lastTotals = null;
var TEXT_SORT = { method: true, name: true };
/** Without an earlier event, a first one this early still has a known baseline: zero at the start. */
var FIRST_BASELINE_MS = 3000;

function rowKey(r) {
  return (r.scenario || '') + '\u0000' + r.userClass + '\u0000' + r.method + '\u0000' + r.name;
}

function addCell(tr, className) {
  var td = element('td', className);
  tr.appendChild(td);
  return td;
}

function createStatsRow(r) {
  var tr = element('tr');
  addCell(tr).appendChild(element('span', 'method', r.method === '' ? 'task' : r.method));
  var name = addCell(tr, 'name');
  if (r.scenario) {
    name.appendChild(element('span', 'uc', r.scenario + ':'));
    name.appendChild(document.createTextNode(' '));
  }
  if (r.userClass !== '') {
    name.appendChild(element('span', 'uc', r.userClass));
    name.appendChild(element('span', 'sep', '\u00b7'));
  }
  name.appendChild(element('code', null, r.name));
  var requests = addCell(tr, 'num');
  var fails = addCell(tr, 'num');
  var failCount = element('span');
  var failShare = element('span', 'pct');
  fails.appendChild(failCount);
  fails.appendChild(failShare);
  return {
    tr: tr,
    data: r,
    current: null,
    seen: false,
    lastRequests: 0,
    cells: {
      requests: requests,
      fails: fails,
      failCount: failCount,
      failShare: failShare,
      avg: addCell(tr, 'num'),
      p50: addCell(tr, 'num'),
      p95: addCell(tr, 'num'),
      p99: addCell(tr, 'num'),
      max: addCell(tr, 'num'),
      current: addCell(tr, 'num'),
    },
  };
}

function fillFailures(cells, failures, requests) {
  setText(cells.failCount, count(failures));
  setText(cells.failShare, failures > 0 && requests > 0 ? percent(failures / requests) : '');
  var tone = failures > 0 ? 'num bad' : 'num muted';
  if (cells.fails.className !== tone) cells.fails.className = tone;
}

function fillStatsRow(row) {
  var r = row.data;
  var c = row.cells;
  setText(c.requests, count(r.requests));
  fillFailures(c, r.failures, r.requests);
  setText(c.avg, r.requests > 0 ? msValue(r.avgMs) : MISSING);
  setText(c.p50, msValue(r.p50Ms));
  setText(c.p95, msValue(r.p95Ms));
  setText(c.p99, msValue(r.p99Ms));
  setText(c.max, msValue(r.maxMs));
  setText(c.current, row.current === null ? MISSING : rate(row.current));
}

function sortValue(row, key) {
  if (key === 'current') return row.current;
  if (key === 'name') return row.data.userClass + ' ' + row.data.name;
  return row.data[key];
}

function orderedKeys() {
  var keys = statsKeys.slice();
  var key = statsSort.key;
  if (key === null) return keys;
  var text = TEXT_SORT[key] === true;
  var sign = statsSort.descending ? -1 : 1;
  var position = {};
  keys.forEach(function (k, i) { position[k] = i; });
  keys.sort(function (a, b) {
    var va = sortValue(statsRows[a], key);
    var vb = sortValue(statsRows[b], key);
    // Missing values sort last whichever the direction.
    if (va === null || va === undefined || vb === null || vb === undefined) {
      return (va === null || va === undefined) - (vb === null || vb === undefined) || position[a] - position[b];
    }
    var c = text ? String(va).localeCompare(String(vb), undefined, { numeric: true }) : va - vb;
    return sign * c || position[a] - position[b];
  });
  return keys;
}

function layOutRows() {
  var keys = orderedKeys();
  var order = keys.join('\u0001');
  if (order === statsOrder) return;
  statsOrder = order;
  var fragment = document.createDocumentFragment();
  keys.forEach(function (k) { fragment.appendChild(statsRows[k].tr); });
  while (statsBody.firstChild) statsBody.removeChild(statsBody.firstChild);
  statsBody.appendChild(fragment);
}

function resetStats() {
  statsRows = {};
  statsKeys = [];
  statsOrder = '';
  lastTotals = null;
  fillTotals(NO_TOTALS);
  while (statsBody.firstChild) statsBody.removeChild(statsBody.firstChild);
  var empty = element('td', 'empty', 'No requests yet.');
  empty.colSpan = 10;
  statsBody.appendChild(element('tr')).appendChild(empty);
}

/** 'previous' is the last progress event before this one, or null. */
function updateStats(progress, previous) {
  var seconds = previous ? (progress.elapsedMs - previous.elapsedMs) / 1000 : progress.elapsedMs / 1000;
  var baselineKnown = previous !== null || progress.elapsedMs <= FIRST_BASELINE_MS;
  var weightedAvg = 0;
  var max = null;
  (progress.endpoints || []).forEach(function (r) {
    var key = rowKey(r);
    var row = statsRows[key];
    if (!row) {
      row = createStatsRow(r);
      statsRows[key] = row;
      statsKeys.push(key);
    }
    // A duplicate or replayed event (same elapsed time) keeps the last rate rather than dividing by 0.
    if (seconds > 0) {
      var base = row.seen ? row.lastRequests : baselineKnown ? 0 : null;
      row.current = base === null ? null : Math.max(0, r.requests - base) / seconds;
    }
    row.seen = true;
    row.lastRequests = r.requests;
    row.data = r;
    fillStatsRow(row);
    weightedAvg += r.avgMs * r.requests;
    if (isNumber(r.maxMs)) max = max === null ? r.maxMs : Math.max(max, r.maxMs);
  });
  if (statsKeys.length > 0) layOutRows();
  var total = progress.total;
  lastTotals = total
    ? {
        requests: total.requests,
        failures: total.failures,
        avgMs: total.requests > 0 ? total.avgMs : null,
        p50Ms: total.p50Ms,
        p95Ms: total.p95Ms,
        p99Ms: total.p99Ms,
        maxMs: total.maxMs,
        rps: progress.rps,
      }
    : {
        requests: progress.requests,
        failures: progress.failures,
        avgMs: progress.requests > 0 ? weightedAvg / progress.requests : null,
        p50Ms: null,
        p95Ms: null,
        p99Ms: null,
        maxMs: max,
        rps: progress.rps,
      };
  fillTotals(lastTotals);
}

/** At the end, the whole run's figures replace the live ones the Aggregated row could not have. */
function fillTotalsAtEnd(totals) {
  var t = lastTotals || { avgMs: null, maxMs: null, rps: null };
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

var totalCells = byId('stats-total').cells;
var totalFails = { fails: totalCells[3], failCount: element('span'), failShare: element('span', 'pct') };
totalFails.fails.appendChild(totalFails.failCount);
totalFails.fails.appendChild(totalFails.failShare);
var NO_TOTALS = { requests: 0, failures: 0, avgMs: null, p50Ms: null, p95Ms: null, p99Ms: null, maxMs: null, rps: null };

/** The Aggregated row: the whole run's figures so far, and the last interval's RPS. */
function fillTotals(t) {
  setText(totalCells[2], count(t.requests));
  fillFailures(totalFails, t.failures, t.requests);
  setText(totalCells[4], msValue(t.avgMs));
  setText(totalCells[5], msValue(t.p50Ms));
  setText(totalCells[6], msValue(t.p95Ms));
  setText(totalCells[7], msValue(t.p99Ms));
  setText(totalCells[8], msValue(t.maxMs));
  setText(totalCells[9], rate(t.rps));
  var note = t.p50Ms === null ? 'the whole run\u2019s percentiles arrive when it ends' : '';
  [5, 6, 7].forEach(function (i) { totalCells[i].title = note; });
}

Array.prototype.forEach.call(document.querySelectorAll('#stats-table th.sortable'), function (th) {
  th.tabIndex = 0;
  function sort() {
    var key = th.getAttribute('data-sort');
    if (statsSort.key === key) statsSort.descending = !statsSort.descending;
    else statsSort = { key: key, descending: TEXT_SORT[key] !== true };
    Array.prototype.forEach.call(th.parentNode.cells, function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', statsSort.descending ? 'descending' : 'ascending');
    layOutRows();
  }
  th.addEventListener('click', sort);
  th.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      sort();
    }
  });
});

fillTotals(NO_TOTALS);
`;
