/**
 * The building blocks every section shares: a titled card, a chart placeholder the page script
 * draws into, and the time formats people read in the report. Sections are small functions
 * `(result) → SafeHtml`, empty when they have nothing to show, so adding one (per-step rows, a
 * comparison with a baseline) is a new file and one line in render-report.ts.
 */

import type { Result } from '../../../metrics/result.js';
import { formatDuration } from '../../../core/units/index.js';
import { type HtmlValue, html, type SafeHtml } from '../html.js';

export type Section = (result: Result) => SafeHtml;

export interface CardOptions {
  /** The element id, also the anchor in the page's navigation. */
  id: string;
  title: string;
  /** A short line beside the title: a count, a unit. */
  note?: HtmlValue;
  body: HtmlValue;
}

export function card(options: CardOptions): SafeHtml {
  return html`<section class="card" id="${options.id}" aria-labelledby="${options.id}-title">
<header class="card-head"><h2 id="${options.id}-title">${options.title}</h2>${
    options.note === undefined ? '' : html`<span class="card-note">${options.note}</span>`
  }</header>
${options.body}
</section>`;
}

/** Where the page script draws chart `id` (see chart-data.ts); `size` sets its height. */
export function chartFigure(id: string, caption: string, size: 'tall' | 'short' = 'tall'): SafeHtml {
  return html`<figure class="chart-figure">
<figcaption>${caption}</figcaption>
<div class="chart ${size}" data-chart="${id}" role="img" aria-label="${caption}"></div>
</figure>`;
}

/** `2025-03-01 10:00:00 UTC`: the same text whatever the time zone of the machine rendering it. */
export function formatInstant(iso: string): string {
  const time = Date.parse(iso);
  if (!Number.isFinite(time)) return iso;
  return `${new Date(time).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** `850ms`, `45.0s` under a minute; `5m 00s`, `1h 02m 03s` above. */
export function formatRunLength(ms: number): string {
  if (!Number.isFinite(ms) || ms < 60_000) return formatDuration(ms, 'latency');
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}h ${String(m).padStart(2, '0')}m ${s}s` : `${m}m ${s}s`;
}

/** `+00:12.5`: how long after the run's start an instant was, to a tenth of a second. */
export function formatOffset(iso: string, startedAt: string): string {
  const offset = Date.parse(iso) - Date.parse(startedAt);
  if (!Number.isFinite(offset)) return iso;
  const tenths = Math.floor((Math.max(0, offset) % 1000) / 100);
  return `+${formatDuration(offset, 'clock')}.${tenths}`;
}
