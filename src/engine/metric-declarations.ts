/**
 * The scenario's `metrics`: `{ cost_usd: 'trend', cache_hit: 'rate' }`, or `{ latency_ms: { kind:
 * 'trend', unit: 'ms' } }`, checked when the scenario compiles, so a bad name or kind stops the
 * run before it starts (exit code 2) and names the metric.
 */

import { VolleyError } from '../errors.js';
import { builtinMetricOwner } from '../metrics/builtin-metrics.js';
import {
  CUSTOM_METRIC_KINDS,
  CUSTOM_METRIC_NAME,
  type CustomMetricDeclaration,
  isCustomMetricKind,
  isMetricDirection,
  MAX_CUSTOM_METRICS,
} from '../metrics/custom-metric.js';

const KINDS = CUSTOM_METRIC_KINDS.join(', ');

export function compileMetricDeclarations(raw: unknown, origin: string): CustomMetricDeclaration[] {
  if (raw === undefined) return [];
  const fail = (problems: string[]): never => {
    throw new VolleyError('VOLLEY_E_SCENARIO', `${origin}: ${problems.join(`\n${origin}: `)}`, {
      details: problems,
      location: { file: origin },
    });
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail([`metrics must be an object of name: kind (${KINDS}), got ${describeValue(raw)}`]);
  }
  const entries = Object.entries(raw);
  const problems: string[] = [];
  if (entries.length > MAX_CUSTOM_METRICS) {
    problems.push(`${entries.length} custom metrics declared; at most ${MAX_CUSTOM_METRICS} per run`);
  }
  const declarations: CustomMetricDeclaration[] = [];
  for (const [name, value] of entries) {
    const declaration = declarationOf(name, value, problems);
    if (declaration !== undefined) declarations.push(declaration);
  }
  if (problems.length > 0) fail(problems);
  return declarations;
}

function declarationOf(name: string, value: unknown, problems: string[]): CustomMetricDeclaration | undefined {
  const where = `metric '${name}'`;
  if (!CUSTOM_METRIC_NAME.test(name)) {
    problems.push(`${where}: a metric name is lower case letters, digits and _ starting with a letter (like cost_usd)`);
    return undefined;
  }
  const owner = builtinMetricOwner(name);
  if (owner !== undefined) {
    problems.push(`${where}: the name is volley's own, recorded by ${owner}; it needs no declaration (pick another name for a metric of yours)`);
    return undefined;
  }
  if (isCustomMetricKind(value)) return { name, kind: value };
  if (typeof value === 'object' && value !== null && isCustomMetricKind((value as { kind?: unknown }).kind)) {
    const { kind, unit, better } = value as { kind: CustomMetricDeclaration['kind']; unit?: unknown; better?: unknown };
    if (better !== undefined && !isMetricDirection(better)) {
      problems.push(`${where}: better must be 'lower' or 'higher', got ${describeValue(better)}`);
      return undefined;
    }
    const direction = better === undefined ? {} : { better };
    if (unit === undefined) return { name, kind, ...direction };
    if (unit === 'ms' && kind === 'trend') return { name, kind, unit, ...direction };
    problems.push(`${where}: unit ${describeValue(unit)} is not known (only a trend takes unit: 'ms')`);
    return undefined;
  }
  problems.push(`${where}: kind must be one of ${KINDS} (or { kind, unit?, better? }), got ${describeValue(value)}`);
  return undefined;
}

/** A wrong value quoted back: `'tren'`, `5`, `an object`. */
function describeValue(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return 'an array';
  if (value === null || typeof value !== 'object') return String(value);
  return 'an object';
}
