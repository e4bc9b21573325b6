/**
 * The statistics tables of the end-of-run summary: one row per endpoint (Locust's layout, with
 * the full set of percentiles and an aggregated total) and, when a run mixes user classes, one
 * row per class. Pure functions of the Result; `summary.ts` assembles the sections.
 */

import { type EndpointKey, protocolLabel } from '../metrics/endpoint-key.js';
import type { EndpointStats, RequestStats, Result } from '../metrics/result.js';
import type { Palette } from './color.js';
import { formatBytes, formatCount, formatDuration, formatPercent, formatRate, MISSING } from '../core/units/index.js';
import { type Cell, type Column, renderTable } from './table.js';
import { textWidth, truncate } from './text.js';

/** Everything a section renderer needs besides the Result. */
export interface SectionContext {
  palette: Palette;
  /** The whole line width available, indentation included. */
  width: number;
  /** Spaces before a section's content. */
  indent: number;
}

type ClassKey = Pick<EndpointKey, 'scenario' | 'user'>;

function classLabel(key: ClassKey): string {
  return key.scenario === '' ? key.user : `${key.scenario}/${key.user}`;
}

/** Whether the run mixed user classes, in which case row names carry the class. */
export function isMultiClass(result: Result): boolean {
  const classes = new Set<string>();
  for (const row of [...result.endpoints, ...result.userClasses, ...result.checks]) {
    classes.add(classLabel(row));
  }
  return classes.size > 1;
}

const CLASS_SEPARATOR = ' · ';

/** `AuthUser · /login` in a multi-class run, plain `/login` otherwise. */
export function rowLabel(key: ClassKey, name: string, multiClass: boolean): string {
  return multiClass ? `${classLabel(key)}${CLASS_SEPARATOR}${name}` : name;
}

/** The fewest columns worth giving either part of a label before cutting it as one string. */
const MIN_CLASS_PART = 4;
const MIN_NAME_PART = 12;

/**
 * Narrows a row label: first the request name loses its middle (its two ends are what tell rows
 * apart) while the class stays whole; when even that leaves under 12 columns for the name, the
 * class is shortened too, down to a few letters, so the name keeps most of the room.
 */
export function fitLabel(label: string, width: number): string {
  const at = label.indexOf(CLASS_SEPARATOR);
  if (at === -1) return truncate(label, width, 'middle');
  const className = label.slice(0, at);
  const name = label.slice(at + CLASS_SEPARATOR.length);
  const sep = CLASS_SEPARATOR.length;
  const nameRoom = width - textWidth(className) - sep;
  if (nameRoom >= Math.min(textWidth(name), MIN_NAME_PART)) {
    return `${className}${CLASS_SEPARATOR}${truncate(name, nameRoom, 'middle')}`;
  }
  const classRoom = Math.max(MIN_CLASS_PART, width - sep - textWidth(name));
  const nameWidth = width - sep - classRoom;
  if (nameWidth < Math.min(textWidth(name), MIN_CLASS_PART)) return truncate(label, width, 'middle');
  return `${truncate(className, classRoom)}${CLASS_SEPARATOR}${truncate(name, nameWidth, 'middle')}`;
}

/** Code-point order, so the same Result renders the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareByClass(a: ClassKey, b: ClassKey): number {
  return compareText(a.scenario, b.scenario) || compareText(a.user, b.user);
}

function failuresCell(stats: Pick<RequestStats, 'requests' | 'failures'>, palette: Palette): Cell {
  if (stats.failures === 0) return '0';
  const share = stats.requests > 0 ? ` (${formatPercent(stats.failures / stats.requests, 2)})` : '';
  return { text: `${formatCount(stats.failures)}${share}`, style: palette.red };
}

function latencyCells(
  stats: Pick<RequestStats, 'requests' | 'latency'>,
  fields: readonly (keyof RequestStats['latency'])[],
): string[] {
  return fields.map((field) => (stats.requests > 0 ? formatDuration(stats.latency[field], 'latency-cell') : MISSING));
}

const LATENCY_FIELDS = ['mean', 'min', 'p50', 'p90', 'p95', 'p99', 'p999', 'max'] as const;
const LATENCY_HEADERS = ['avg', 'min', 'p50', 'p90', 'p95', 'p99', 'p99.9', 'max'];

function numeric(header: string, gap?: number): Column {
  return gap === undefined ? { header, align: 'right' } : { header, align: 'right', gap };
}

/** Latency columns sit one space apart: eight of them at two spaces cost the name column. */
const DENSE = 1;

function bold(cells: readonly Cell[], palette: Palette): Cell[] {
  return cells.map((cell) =>
    typeof cell === 'string' ? { text: cell, style: palette.bold } : { ...cell, style: palette.bold },
  );
}

export function titled(title: string, note: string, lines: string[], context: SectionContext): string[] {
  return [context.palette.bold(title) + (note === '' ? '' : context.palette.dim(` ${note}`)), ...lines];
}

/** Per-endpoint rows sorted by user class, name, method, then the aggregated total. */
export function endpointSection(result: Result, context: SectionContext): string[] {
  if (result.endpoints.length === 0) return [];
  const { palette } = context;
  const multiClass = isMultiClass(result);
  const endpoints = [...result.endpoints].sort(
    (a, b) => compareByClass(a, b) || compareText(a.name, b.name) || compareText(a.method, b.method),
  );
  const statsCells = (stats: RequestStats): Cell[] => [
    formatCount(stats.requests),
    failuresCell(stats, palette),
    formatRate(stats.rps),
    ...latencyCells(stats, LATENCY_FIELDS),
  ];
  // A run that spoke more than HTTP/1.1 says which protocol each row is.
  const protocols = result.endpoints.some((e) => e.protocol !== undefined);
  const protocolCells = (e: EndpointStats): Cell[] => (protocols ? [protocolLabel(e, Object.keys(e.statusCodes).length > 0)] : []);
  const lines = renderTable({
    columns: [
      ...(protocols ? [{ header: 'Protocol' }] : []),
      { header: 'Type' },
      { header: 'Name', shrink: fitLabel, minWidth: 16 },
      numeric('# reqs'),
      numeric('# fails'),
      numeric('req/s'),
      ...LATENCY_HEADERS.map((header, i) => numeric(header, i === 0 ? undefined : DENSE)),
    ],
    rows: endpoints.map((e) => [...protocolCells(e), e.method, rowLabel(e, e.name, multiClass), ...statsCells(e)]),
    footer: [bold([...(protocols ? [''] : []), '', 'Aggregated', ...statsCells(result.totals)], palette)],
    maxWidth: context.width,
    indent: context.indent,
    headerStyle: palette.bold,
    ruleStyle: palette.dim,
  });
  return titled('Requests', '(latency in ms)', lines, context);
}

/** One row per user class; only when the run had more than one. */
export function userClassSection(result: Result, context: SectionContext): string[] {
  if (!isMultiClass(result) || result.userClasses.length === 0) return [];
  const { palette } = context;
  const classes = [...result.userClasses].sort(compareByClass);
  const lines = renderTable({
    columns: [
      { header: 'User class', shrink: 'middle', minWidth: 16 },
      numeric('# reqs'),
      numeric('# fails'),
      numeric('req/s'),
      numeric('p50'),
      numeric('p95'),
      numeric('p99'),
    ],
    rows: classes.map((c) => [
      classLabel(c),
      formatCount(c.requests),
      failuresCell(c, palette),
      formatRate(c.rps),
      ...latencyCells(c, ['p50', 'p95', 'p99']),
    ]),
    maxWidth: context.width,
    indent: context.indent,
    headerStyle: palette.bold,
    ruleStyle: palette.dim,
  });
  return titled('User classes', '(latency in ms)', lines, context);
}

/** One row per phase (the steps of a step load), so the bend in latency is visible at a glance. */
export function phaseSection(result: Result, context: SectionContext): string[] {
  const phases = result.phases ?? [];
  if (phases.length === 0) return [];
  const { palette } = context;
  const lines = renderTable({
    columns: [
      { header: 'Phase', shrink: 'middle', minWidth: 16 },
      numeric('users'),
      numeric('# reqs'),
      numeric('req/s'),
      numeric('errors'),
      numeric('p50'),
      numeric('p95'),
      numeric('p99'),
    ],
    rows: phases.map((phase) => [
      phase.name,
      formatCount(phase.users),
      formatCount(phase.requests),
      formatRate(phase.rps),
      phase.errorRate > 0 ? palette.red(formatPercent(phase.errorRate)) : formatPercent(phase.errorRate),
      ...latencyCells(phase, ['p50', 'p95', 'p99']),
    ]),
    maxWidth: context.width,
    indent: context.indent,
    headerStyle: palette.bold,
    ruleStyle: palette.dim,
  });
  return titled('Phases', '(latency in ms)', lines, context);
}

/** One line per monitored process (`--monitor-pid`): its CPU and memory over the run. */
export function monitoredSection(result: Result, context: SectionContext): string[] {
  const targets = result.monitor.targets ?? [];
  if (targets.length === 0) return [];
  const lines = targets.map((target) => {
    const cpu = target.samples.map((s) => s.cpuPercent);
    const rss = target.samples.map((s) => s.rssBytes);
    const mean = cpu.length === 0 ? 0 : cpu.reduce((a, b) => a + b, 0) / cpu.length;
    const facts =
      cpu.length === 0
        ? 'no samples'
        : `CPU mean ${mean.toFixed(1)}%, peak ${Math.max(...cpu).toFixed(1)}% · memory peak ${formatBytes(Math.max(...rss))}, ` +
          `first ${formatBytes(rss[0] as number)}, last ${formatBytes(rss.at(-1) as number)}`;
    const note = target.note === null ? '' : ` (${target.note})`;
    return `${' '.repeat(context.indent)}pid ${target.pid} ${target.command}: ${facts}${note}`;
  });
  return [context.palette.bold('Monitored processes'), ...lines];
}
