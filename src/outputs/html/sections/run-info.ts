/**
 * What ran, where and when: scenario, file, target, timing, load settings, versions and the
 * machine that generated the load; and, above it, the generator's warnings, because a report
 * whose numbers may be wrong must say so before anyone reads them.
 */

import type { Result } from '../../../metrics/result.js';
import { formatCount, formatRate } from '../../../core/units/index.js';
import { html, type SafeHtml } from '../html.js';
import { card, formatInstant, formatRunLength } from './card.js';

function option(result: Result, name: string): unknown {
  return result.options[name];
}

function numberOption(result: Result, name: string): number | null {
  const value = option(result, name);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The target: the run's `host` option, or null when requests used absolute URLs. */
export function targetHost(result: Result): string | null {
  const host = option(result, 'host');
  return typeof host === 'string' && host !== '' ? host : null;
}

function loadText(result: Result): string | null {
  // The load as run (a profile, stages or a rate may have replaced the -u / -r options).
  const described = result.load?.description;
  if (typeof described === 'string' && described !== '') return described;
  const users = numberOption(result, 'users');
  const spawnRate = numberOption(result, 'spawnRate');
  const iterations = numberOption(result, 'iterations');
  const parts = [
    users === null ? '' : `${formatCount(users)} users`,
    spawnRate === null ? '' : `spawn ${formatRate(spawnRate)}/s`,
    iterations === null ? '' : `${formatCount(iterations)} iterations`,
  ].filter((p) => p !== '');
  return parts.length === 0 ? null : parts.join(', ');
}

function row(label: string, value: string | SafeHtml | null): SafeHtml {
  return value === null || value === '' ? html`` : html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
}

export function warningsSection(result: Result): SafeHtml {
  if (result.warnings.length === 0) return html``;
  return html`<section class="warnings" id="warnings" role="alert" aria-labelledby="warnings-title">
<h2 id="warnings-title"><span aria-hidden="true">⚠</span> ${result.warnings.length === 1 ? 'Warning' : 'Warnings'}: these figures may not be trustworthy</h2>
<ul>${result.warnings.map((w) => html`<li>${w}</li>`)}</ul>
</section>`;
}

/** Each worker's share of the requests, and any worker lost with why; null for one worker. */
function workersText(result: Result): string | null {
  const workers = result.workers ?? [];
  if (workers.length < 2) return null;
  return workers
    .map((w) => `#${w.worker} ${formatCount(w.requests)} req${w.lost === null ? '' : ` (lost: ${w.lost})`}`)
    .join(' · ');
}

export function runInfoSection(result: Result): SafeHtml {
  const host = targetHost(result);
  const machine = result.host;
  const iterations = result.totals.iterations;
  const dropped = result.totals.droppedIterations;
  const body = html`<dl class="facts">
${row('scenario', result.scenario.name)}
${row('file', result.scenario.file === null ? null : html`<code>${result.scenario.file}</code>`)}
${row('target', host === null ? null : html`<code>${host}</code>`)}
${row('started', formatInstant(result.startedAt))}
${row('ended', formatInstant(result.endedAt))}
${row('duration', formatRunLength(result.durationMs))}
${row('load', loadText(result))}
${row('iterations', `${formatCount(iterations)}${dropped > 0 ? ` (${formatCount(dropped)} dropped)` : ''}`)}
${row('workers', workersText(result))}
${row('volley', result.volley)}
${row('node', machine.node)}
${row('machine', `${machine.hostname} · ${machine.platform}/${machine.arch} · ${formatCount(machine.cpus)} CPUs`)}
</dl>`;
  return card({ id: 'run', title: 'Run', body });
}
