/**
 * The web UI's browser script: one IIFE built from the fragments beside this file (formats, the
 * Statistics table, the charts, the report) and the part here that ties them to the server: the
 * event stream (`state`, `progress`, `end`, with a badge while it is down), the start form
 * (`POST api/start`), the Stop button (`POST api/stop`), the header's figures and the tabs.
 *
 * Plain ES2017 in strings (the package's TypeScript has no DOM types), reaching the DOM only
 * through textContent and properties; all URLs are relative to the page, i.e. its own server.
 */

import { CHARTS_SCRIPT } from './page-script-charts.js';
import { FAILURES_SCRIPT } from './page-script-failures.js';
import { FORMAT_SCRIPT } from './page-script-format.js';
import { REPORT_SCRIPT } from './page-script-report.js';
import { STATS_SCRIPT } from './page-script-stats.js';

const MAIN_SCRIPT = String.raw`
var ui = { state: null, progress: null, end: null, stopRequested: false, starting: false, formTouched: false,
  reportShown: false };
var PHASE_WORDS = { running: 'RUNNING', stopping: 'STOPPING', finishing: 'FINISHING' };
var RECONNECT_MS = 3000;
var fields = { users: byId('f-users'), spawnRate: byId('f-spawn-rate'), runTime: byId('f-run-time'), host: byId('f-host') };
var startButton = byId('start-button');
var startError = byId('start-error');
var stopButton = byId('stop-button');
var stopError = byId('stop-error');
var tabs = Array.prototype.slice.call(document.querySelectorAll('[role="tab"]'));

function parse(data) {
  try {
    return JSON.parse(data);
  } catch (e) {
    console.error('volley: an event that is not JSON', e);
    return null;
  }
}

/** What the status pill says: the verdict once known, else where the run is. */
function phaseLook() {
  if (ui.end) return { kind: ui.end.verdict, word: VERDICT_WORDS[ui.end.verdict] || 'FINISHED' };
  var phase = ui.state ? ui.state.phase : 'running';
  if (phase === 'finished') return { kind: 'finishing', word: PHASE_WORDS.finishing };
  var stopping = phase === 'stopping' || ui.stopRequested || (ui.progress && ui.progress.phase === 'stopping');
  return stopping ? { kind: 'stopping', word: PHASE_WORDS.stopping } : { kind: 'running', word: PHASE_WORDS.running };
}

function render() {
  var s = ui.state;
  var waiting = s !== null && s.phase === 'waiting';
  show(byId('connecting'), s === null && ui.progress === null);
  show(byId('start'), waiting && s.startable);
  show(byId('waiting'), waiting && !s.startable);
  show(byId('run'), !waiting && (s !== null || ui.progress !== null));
  var look = phaseLook();
  var pill = byId('phase-pill');
  if (pill.className !== 'pill ' + look.kind) pill.className = 'pill ' + look.kind;
  setText(byId('phase-word'), look.word);
  var over = ui.end !== null || (s !== null && s.phase === 'finished');
  show(byId('runbar').parentNode, !over);
  show(stopButton, !over);
  stopButton.disabled = look.kind === 'stopping';
  setText(byId('stop-label'), look.kind === 'stopping' ? 'stopping\u2026' : 'Stop');
  show(byId('new-test'), over && s !== null && s.restartable === true);
  var reportUrl = ui.end && ownUrl(ui.end.reportUrl) !== null ? ui.end.reportUrl : null;
  var statusLink = byId('status-report-link');
  show(statusLink, reportUrl !== null);
  if (reportUrl !== null && statusLink.getAttribute('href') !== reportUrl) statusLink.setAttribute('href', reportUrl);
  var name = s && s.scenario ? s.scenario : 'volley';
  document.title = waiting || s === null ? name + ' \u00b7 volley' : name + ' \u00b7 ' + look.word + ' \u00b7 volley';
}

function fillForm(form) {
  if (!form) return;
  fields.users.value = isNumber(form.users) ? String(form.users) : '';
  fields.spawnRate.value = isNumber(form.spawnRate) ? String(form.spawnRate) : '';
  fields.runTime.value = form.runTime || '';
  fields.host.value = form.host || '';
}

function fillClasses(classes) {
  var list = byId('start-classes');
  while (list.firstChild) list.removeChild(list.firstChild);
  (classes || []).forEach(function (c) {
    var li = element('li', null, c.name);
    li.appendChild(element('span', 'weight', '\u00d7' + c.weight));
    li.title = c.name + ': weight ' + c.weight;
    list.appendChild(li);
  });
  show(list, list.childNodes.length > 0);
}

function resetRun() {
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

function onState(s) {
  var previous = ui.state;
  var restarted = previous !== null && ((previous.phase !== 'waiting' && s.phase === 'waiting') ||
    (previous.startedAt !== null && s.startedAt !== null && previous.startedAt !== s.startedAt));
  if (restarted) resetRun();
  ui.state = s;
  ui.starting = false;
  startButton.disabled = false;
  setText(startButton, 'Start');
  setText(byId('scenario-name'), s.scenario || 'volley');
  var file = byId('scenario-file');
  setText(file, s.file || '');
  show(file, Boolean(s.file));
  setText(byId('version'), s.version ? 'v' + s.version : '');
  if (s.phase === 'waiting') {
    fillClasses(s.userClasses);
    var fixed = typeof s.fixedLoad === 'string' && s.fixedLoad !== '';
    show(byId('load-fields'), !fixed);
    show(byId('plain-load'), !fixed);
    show(byId('fixed-load'), fixed);
    if (fixed) setText(byId('fixed-load'), 'This scenario defines its own load (' + s.fixedLoad + '): Start runs it as written, against the host below.');
    if (!ui.formTouched || previous === null || previous.phase !== 'waiting') fillForm(s.form);
  }
  render();
}

function renderStatus(p) {
  setText(byId('s-users'), count(p.users));
  setText(byId('s-rps'), rate(p.rps));
  setText(byId('s-p95'), msText(p.p95Ms));
  var failures = byId('s-failures');
  setText(failures, percent(p.requests > 0 ? p.failures / p.requests : 0));
  failures.className = p.failures > 0 ? 'bad' : '';
  setText(byId('s-requests'), count(p.requests));
  setText(byId('s-elapsed'), clock(p.elapsedMs));
  var planned = isNumber(p.plannedDurationMs) && p.plannedDurationMs > 0 ? p.plannedDurationMs : null;
  setText(byId('s-planned'), planned === null ? '' : ' / ' + clock(planned));
  byId('runbar').style.width = planned === null ? '0' : Math.min(100, (100 * p.elapsedMs) / planned) + '%';
}

function onProgress(p) {
  var previous = ui.progress;
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

function onEnd(end) {
  ui.end = end;
  var t = end.totals;
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

function selectTab(name) {
  tabs.forEach(function (tab) {
    var on = tab.getAttribute('data-tab') === name;
    tab.setAttribute('aria-selected', on ? 'true' : 'false');
    tab.tabIndex = on ? 0 : -1;
    show(byId(tab.getAttribute('aria-controls')), on);
  });
  if (name === 'charts') {
    ensureCharts();
    resizeCharts();
    redrawCharts();
  }
}

tabs.forEach(function (tab, i) {
  tab.addEventListener('click', function () { selectTab(tab.getAttribute('data-tab')); });
  tab.addEventListener('keydown', function (event) {
    var step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    var visible = tabs.filter(function (t) { return !t.hidden; });
    var next = visible[(visible.indexOf(tab) + step + visible.length) % visible.length];
    selectTab(next.getAttribute('data-tab'));
    next.focus();
  });
});

/** The server takes actions only as JSON posts (a cross-site form cannot send that content type). */
function postJson(url, body) {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

function showStartError(message) {
  setText(startError, message);
  show(startError, true);
}

Object.keys(fields).forEach(function (key) {
  fields[key].addEventListener('input', function () { ui.formTouched = true; });
});

byId('start-form').addEventListener('submit', function (event) {
  event.preventDefault();
  if (ui.starting) return;
  var form = {
    users: Number(fields.users.value),
    spawnRate: Number(fields.spawnRate.value),
    runTime: fields.runTime.value.trim(),
    host: fields.host.value.trim(),
  };
  var fixedLoad = ui.state !== null && typeof ui.state.fixedLoad === 'string' && ui.state.fixedLoad !== '';
  if (!fixedLoad && (fields.users.value.trim() === '' || !(form.users >= 1) || Math.floor(form.users) !== form.users)) {
    return showStartError('Number of users must be a whole number, at least 1.');
  }
  if (!fixedLoad && (fields.spawnRate.value.trim() === '' || !(form.spawnRate > 0))) {
    return showStartError('Ramp up must be a number of users per second above 0.');
  }
  show(startError, false);
  ui.starting = true;
  startButton.disabled = true;
  setText(startButton, 'Starting\u2026');
  function failed(message) {
    ui.starting = false;
    startButton.disabled = false;
    setText(startButton, 'Start');
    showStartError(message);
  }
  postJson('api/start', form)
    .then(function (res) {
      if (res.ok) return null;
      return res.text().then(function (text) {
        failed(text.trim() || 'volley refused to start the run (HTTP ' + res.status + ').');
      });
    })
    .catch(function (err) { failed('Could not reach volley: ' + err.message); });
});

byId('new-test').addEventListener('click', function () {
  var button = byId('new-test');
  button.disabled = true;
  postJson('api/new', {})
    .then(function (res) {
      button.disabled = false;
      if (res.ok) return null;
      return res.text().then(function (text) {
        setText(stopError, text.trim() || 'New test failed (HTTP ' + res.status + ').');
        show(stopError, true);
      });
    })
    .catch(function (err) {
      button.disabled = false;
      setText(stopError, 'Could not reach volley: ' + err.message);
      show(stopError, true);
    });
});

stopButton.addEventListener('click', function () {
  if (ui.stopRequested) return;
  ui.stopRequested = true;
  show(stopError, false);
  render();
  function failed(message) {
    ui.stopRequested = false;
    setText(stopError, message);
    show(stopError, true);
    render();
  }
  postJson('api/stop', {})
    .then(function (res) {
      if (res.ok) return null;
      return res.text().then(function (text) { failed(text.trim() || 'Stop failed (HTTP ' + res.status + ').'); });
    })
    .catch(function (err) { failed('Could not reach volley: ' + err.message); });
});

var connection = byId('connection');
function connect() {
  var source = new EventSource('events');
  source.addEventListener('open', function () { show(connection, false); });
  source.addEventListener('error', function () {
    show(connection, true);
    // The browser retries by itself unless the server answered with something other than a stream.
    if (source.readyState === EventSource.CLOSED) setTimeout(connect, RECONNECT_MS);
  });
  source.addEventListener('state', function (e) { var s = parse(e.data); if (s) onState(s); });
  source.addEventListener('history', function (e) { var h = parse(e.data); if (Array.isArray(h)) loadHistory(h); });
  source.addEventListener('progress', function (e) { var p = parse(e.data); if (p) onProgress(p); });
  source.addEventListener('end', function (e) { var end = parse(e.data); if (end) onEnd(end); });
}

render();
connect();
`;

export const PAGE_SCRIPT = `(function () {
'use strict';
${FORMAT_SCRIPT}
${STATS_SCRIPT}
${CHARTS_SCRIPT}
${FAILURES_SCRIPT}
${REPORT_SCRIPT}
${MAIN_SCRIPT}
})();
`;
