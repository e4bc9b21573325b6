/**
 * The page script's shared helpers: DOM shorthands that only ever write text (never markup), and
 * number formats that mirror src/outputs/format.ts, so a figure reads the same in the live page,
 * the terminal and the report. Plain ES2017 in a string, like the report's client script: the
 * package's TypeScript has no DOM types. Concatenated into one IIFE by page-script.ts.
 */

export const FORMAT_SCRIPT = String.raw`
var MISSING = '\u2014';

function byId(id) {
  return document.getElementById(id);
}

/** Writes text only when it changed: most cells keep their value from one tick to the next. */
function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

function show(el, visible) {
  if (el.hidden === visible) el.hidden = !visible;
}

function element(tag, className, text) {
  var el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined && text !== null) el.textContent = text;
  return el;
}

function isNumber(v) {
  return typeof v === 'number' && isFinite(v);
}

function fixedBelow(v, decimals, limit) {
  var text = v.toFixed(decimals);
  return Math.abs(Number(text)) < limit ? text : null;
}

function count(v) {
  if (!isNumber(v)) return MISSING;
  var rounded = Math.round(v);
  var grouped = String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return rounded < 0 ? '-' + grouped : grouped;
}

/** A latency without its unit, for cells under an "ms" heading. */
function msValue(ms) {
  if (!isNumber(ms)) return MISSING;
  var t = fixedBelow(ms, 2, 10);
  if (t === null) t = fixedBelow(ms, 1, 100);
  return t === null ? count(ms) : t;
}

function msText(ms) {
  if (!isNumber(ms)) return MISSING;
  if (Math.abs(Math.round(ms)) < 10000) return msValue(ms) + 'ms';
  var s = ms / 1000;
  var t = fixedBelow(s, 1, 100);
  return (t === null ? count(s) : t) + 's';
}

function rate(v) {
  if (!isNumber(v)) return MISSING;
  var t = fixedBelow(v, 2, 10);
  if (t === null) t = fixedBelow(v, 1, 100);
  return t === null ? count(v) : t;
}

/** Never rounds a non-zero share to 0% (or a partial one to 100%): "were there failures?" */
function percent(fraction, decimals) {
  if (!isNumber(fraction)) return MISSING;
  var d = decimals === undefined ? 1 : decimals;
  var text = (fraction * 100).toFixed(d);
  var step = Math.pow(10, -d);
  if (fraction > 0 && Number(text) === 0) return '<' + step.toFixed(d) + '%';
  if (fraction > 0 && fraction < 1 && Number(text) >= 100) return '>' + (100 - step).toFixed(d) + '%';
  return text + '%';
}

/** 00:12, 05:00, 1:02:03 (whole seconds, truncated). */
function clock(ms) {
  var total = isNumber(ms) ? Math.floor(Math.max(0, ms) / 1000) : 0;
  var h = Math.floor(total / 3600);
  var m = Math.floor((total % 3600) / 60);
  var s = total % 60;
  var mmss = (m < 10 ? '0' : '') + m + ':' + (s < 10 ? '0' : '') + s;
  return h > 0 ? h + ':' + mmss : mmss;
}

function plural(n, singular, pluralWord) {
  return count(n) + ' ' + (Math.round(n) === 1 ? singular : pluralWord || singular + 's');
}

/**
 * A link the page may follow: the server's own, by relative or same-origin URL. Anything else
 * (another origin, javascript:) is refused rather than linked.
 */
function ownUrl(url) {
  if (typeof url !== 'string' || url === '') return null;
  try {
    var resolved = new URL(url, location.href);
    return resolved.origin === location.origin ? resolved.href : null;
  } catch (e) {
    return null;
  }
}
`;
