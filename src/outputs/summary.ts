/**
 * The end-of-run summary people read in the terminal: a pure `(result, options) → string`, as
 * autocannon's printResult is, so the CLI, `volley report` and tests render the same text from
 * the same Result. Sections, each omitted when empty: header, per-endpoint table, per-class
 * table, status codes, errors, the slowest requests (with `--slowest`), checks, custom metrics,
 * thresholds, warnings, and the verdict last, where the eye lands.
 */

import type { Result } from '../metrics/result.js';
import { palette as makePalette, type Palette } from './color.js';
import { formatBytes, formatCount, formatCountOf, formatDuration, formatRate } from '../core/units/index.js';
import {
  checkSection,
  errorSection,
  statusCodeSection,
  thresholdSection,
  warningSection,
} from './summary-findings.js';
import {
  endpointSection,
  monitoredSection,
  phaseSection,
  type SectionContext,
  userClassSection,
} from './summary-tables.js';
import { customMetricSection } from './summary-metrics.js';
import { slowestSection } from './summary-slowest.js';
import { workerSection } from './summary-workers.js';
import { runLoadText, runUsers } from './run-load.js';

export interface SummaryOptions {
  /** Emit ANSI colour escapes. */
  color: boolean;
  /** Terminal width to fit; default 120. */
  width?: number;
}

const DEFAULT_WIDTH = 120;
/** Below this the tables cannot show their numbers; narrower terminals wrap instead. */
const MIN_WIDTH = 60;
const SECTION_INDENT = 2;
const DOT = ' · ';


/** `2025-03-01T10:00:00.000Z` → `2025-03-01 10:00:00Z`. */
function readableTime(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

function headerSection(result: Result, palette: Palette): string[] {
  const file = result.scenario.file === null ? '' : palette.dim(` (${result.scenario.file})`);
  const title = `${palette.bold(`volley ${result.volley}`)}${DOT}${palette.bold(result.scenario.name)}${file}`;

  const run: string[] = [];
  const host = result.options.host;
  if (typeof host === 'string' && host !== '') run.push(`target ${palette.cyan(host)}`);
  run.push(`duration ${formatDuration(result.durationMs)}`);
  // The load as run (stages, profiles, rates and the scenario's own load decide it, not -u).
  const load = runLoadText(result);
  const users = runUsers(result);
  if (load !== undefined) run.push(`load ${load}`);
  else if (users !== undefined) run.push(formatCountOf(users, 'user'));
  run.push(`started ${readableTime(result.startedAt)}`);

  const { totals } = result;
  const volume = [
    `${formatCountOf(totals.requests, 'request')} (${formatRate(totals.rps)}/s)`,
    formatCountOf(totals.iterations, 'iteration'),
    `${formatBytes(totals.bytesIn)} received${decodedText(totals.decoded)}`,
    `${formatBytes(totals.bytesOut)} sent`,
  ];
  return [title, run.join(DOT), volume.join(DOT)];
}

/** Received bytes are wire bytes; what the compressed bodies the scripts read came to decoded. */
function decodedText(decoded: Result['totals']['decoded']): string {
  if (decoded === undefined || decoded.bodies === 0) return '';
  return (
    ` (${formatCountOf(decoded.bodies, 'compressed body', 'compressed bodies')} read: ` +
    `${formatBytes(decoded.wireBytes)} on the wire, ${formatBytes(decoded.bytes)} decoded)`
  );
}

/**
 * Why the run passed or failed, in one line. A failed run names what failed: thresholds when
 * any did, otherwise the failed requests that fail a run with no thresholds, plus failed checks.
 */
export function verdictText(result: Result): string {
  if (result.outcome === 'aborted') {
    const reason = result.abortReason?.trim();
    return reason === undefined || reason === '' ? 'ABORTED' : `ABORTED: ${reason}`;
  }
  if (result.outcome === 'passed') return 'PASSED';
  // A run stopped early as failed (nothing listening) says why first: nothing else was measured.
  const stopped = result.abortReason?.trim();
  if (stopped !== undefined && stopped !== '') return `FAILED: ${stopped}`;
  const failedThresholds = result.thresholds.filter((t) => !t.ok).length;
  const reasons: string[] = [];
  if (failedThresholds > 0) {
    reasons.push(
      `${formatCount(failedThresholds)} of ${formatCountOf(result.thresholds.length, 'threshold')} failed`,
    );
  } else if (result.thresholds.length === 0 && result.totals.failures > 0) {
    reasons.push(`${formatCountOf(result.totals.failures, 'request')} failed`);
  }
  if (failedThresholds === 0 && result.thresholds.length === 0) {
    const thrown = taskErrorReason(result);
    if (thrown !== undefined) reasons.push(thrown);
  }
  if (result.totals.checks.fails > 0)
    reasons.push(`${formatCountOf(result.totals.checks.fails, 'check')} failed`);
  if (reasons.length === 0) return 'FAILED';
  const noThresholds = result.thresholds.length === 0 ? '; no thresholds set' : '';
  return `FAILED (${reasons.join(', ')}${noThresholds})`;
}

/**
 * The most frequent exception a task threw, as a reason: "task 'browse' of Shopper threw
 * TypeError: …, 434,624 times", plus how many other kinds there were.
 */
function taskErrorReason(result: Result): string | undefined {
  const thrown = result.errors.filter((e) => e.kind === 'task');
  const top = thrown[0];
  if (top === undefined) return undefined;
  const scenario = top.key.scenario === '' ? '' : ` (scenario ${top.key.scenario})`;
  const times = top.count === 1 ? 'once' : `${formatCount(top.count)} times`;
  const others = thrown.slice(1).reduce((sum, e) => sum + e.count, 0);
  const more = others > 0 ? `; ${formatCountOf(others, 'other task error')}` : '';
  const message = top.message.split('\n', 1)[0] as string;
  return `task '${top.key.name}' of ${top.key.user}${scenario} threw ${message}, ${times}${more}`;
}

function verdictSection(result: Result, palette: Palette): string[] {
  const text = verdictText(result);
  const paint = result.outcome === 'passed' ? palette.green : palette.red;
  const dropped = result.totals.droppedIterations;
  const droppedText =
    dropped > 0 ? palette.yellow(`${DOT}${formatCountOf(dropped, 'iteration')} dropped`) : '';
  const verdict = palette.bold(paint(text)) + droppedText;
  const retries = result.totals.retries ?? 0;
  if (retries === 0) return [verdict];
  const retried = palette.yellow(
    `${formatCountOf(retries, 'request')} retried after a kept-alive connection dropped them unanswered ` +
      '(each failed attempt counts as a failed request)',
  );
  return [retried, verdict];
}

/** The whole summary, lines joined with `\n`, without a trailing newline. */
export function formatSummary(result: Result, options: SummaryOptions): string {
  const palette = makePalette(options.color);
  const context: SectionContext = {
    palette,
    width: Math.max(MIN_WIDTH, Math.floor(options.width ?? DEFAULT_WIDTH)),
    indent: SECTION_INDENT,
  };
  const sections = [
    headerSection(result, palette),
    endpointSection(result, context),
    userClassSection(result, context),
    phaseSection(result, context),
    statusCodeSection(result, context),
    workerSection(result, context),
    monitoredSection(result, context),
    errorSection(result, context),
    slowestSection(result, context),
    checkSection(result, context),
    customMetricSection(result, context),
    thresholdSection(result, context),
    warningSection(result, context),
    verdictSection(result, palette),
  ].filter((lines) => lines.length > 0);
  return sections.map((lines) => lines.join('\n')).join('\n\n');
}
