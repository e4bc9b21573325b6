/**
 * A bench file's list of benchmarks and stress tests, run one after another (never at once:
 * each would disturb the other's timings and resource figures). Every definition is validated
 * before the first runs, so a typo in the last threshold is reported in a second, not after
 * minutes of benchmarks. The outcome: passed when every result is ok and nothing regressed
 * against the baseline; aborted when the signal stopped it.
 */

import { performance } from 'node:perf_hooks';
import { VolleyError } from '../errors.js';
import { hostInfo } from '../metrics/host-info.js';
import { checkPids } from '../monitor/pid-monitor.js';
import { VERSION } from '../version.js';
import { type BenchComparison, type CompareBenchOptions, compareBenchReports } from './bench-compare.js';
import { type BenchDefinition, isBenchDefinition } from './bench-definition.js';
import type { BenchClock } from './bench-loop.js';
import { type ResolvedBench, resolveBench } from './bench-options.js';
import {
  BENCH_REPORT_KIND,
  BENCH_REPORT_SCHEMA,
  type BenchReport,
  type SuiteResult,
} from './bench-report.js';
import { runResolvedBench } from './run-bench.js';
import { runResolvedStress } from './stress/run-stress.js';
import { isStressDefinition, type StressDefinition } from './stress/stress-definition.js';
import { type ResolvedStress, resolveStress } from './stress/stress-options.js';

export type SuiteEntry = BenchDefinition | StressDefinition;

type ResolvedEntry =
  | { kind: 'bench'; resolved: ResolvedBench }
  | { kind: 'stress'; resolved: ResolvedStress };

export interface RunSuiteOptions {
  /** The bench file, for the report. */
  file?: string | null;
  /** Only entries whose name contains this text (case-insensitive). */
  filter?: string;
  monitorPids?: readonly number[];
  /** Time between resource samples of benchmarks, ms (default 100). */
  monitorIntervalMs?: number;
  signal?: AbortSignal;
  clock?: BenchClock;
  /** A previous report to compare with. */
  baseline?: BenchReport;
  compare?: CompareBenchOptions;
  /** Called before each entry runs, and with each result as it is ready (for live output). */
  onStart?: (entry: SuiteEntry, index: number, total: number) => void;
  onResult?: (result: SuiteResult, index: number, total: number) => void;
}

/**
 * Finds the definitions in what a bench file exported (`export default [bench(…), …]`, or one
 * definition) and validates them all. `where` names the file in errors.
 */
export function suiteEntries(exported: unknown, where: string): SuiteEntry[] {
  const list = Array.isArray(exported) ? (exported as unknown[]) : exported === undefined ? [] : [exported];
  const problems: string[] = [];
  const entries: SuiteEntry[] = [];
  list.forEach((item, index) => {
    if (isBenchDefinition(item) || isStressDefinition(item)) entries.push(item);
    else problems.push(`item ${index} of the default export is not a bench(…) or stress(…) definition`);
  });
  if (list.length === 0) {
    problems.push('no benchmarks found: the file needs `export default [bench(…), stress(…)]`');
  }
  const names = new Set<string>();
  for (const entry of entries) {
    const key = `${entry.kind} '${entry.name}'`;
    if (names.has(key)) problems.push(`${key} is defined twice (names identify results in baselines)`);
    names.add(key);
  }
  if (problems.length > 0) {
    throw new VolleyError('VOLLEY_E_SCENARIO', `${where}: ${problems.join(`\n${where}: `)}`, {
      location: { file: where },
      details: problems,
    });
  }
  return entries;
}

function resolveAll(entries: readonly SuiteEntry[]): ResolvedEntry[] {
  const problems: string[] = [];
  const resolved = entries.map(
    (entry): ResolvedEntry =>
      entry.kind === 'bench'
        ? { kind: 'bench', resolved: resolveBench(entry, problems) }
        : { kind: 'stress', resolved: resolveStress(entry, problems) },
  );
  if (problems.length > 0) {
    const message =
      problems.length === 1
        ? problems[0]
        : `${problems.length} problems\n${problems.map((p) => `  - ${p}`).join('\n')}`;
    throw new VolleyError('VOLLEY_E_CONFIG', message as string, { details: problems });
  }
  return resolved;
}

export async function runSuite(
  entries: readonly SuiteEntry[],
  options: RunSuiteOptions = {},
): Promise<BenchReport> {
  const filter = options.filter?.toLowerCase();
  const chosen =
    filter === undefined ? entries : entries.filter((e) => e.name.toLowerCase().includes(filter));
  if (chosen.length === 0) {
    throw new VolleyError(
      'VOLLEY_E_USAGE',
      `--filter '${options.filter}' matches none of the ${entries.length} entries`,
    );
  }
  const resolved = resolveAll(chosen);
  const pids = options.monitorPids ?? [];
  checkPids(pids);
  const started = new Date();
  const startedMs = performance.now();
  const results: SuiteResult[] = [];
  for (const [index, entry] of resolved.entries()) {
    if (options.signal?.aborted === true) break;
    options.onStart?.(entry.resolved.definition, index, resolved.length);
    const common = {
      monitorPids: pids,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.clock === undefined ? {} : { clock: options.clock }),
    };
    const result =
      entry.kind === 'bench'
        ? await runResolvedBench(entry.resolved, {
            ...common,
            ...(options.monitorIntervalMs === undefined
              ? {}
              : { monitorIntervalMs: options.monitorIntervalMs }),
          })
        : await runResolvedStress(entry.resolved, common);
    results.push(result);
    options.onResult?.(result, index, resolved.length);
  }
  const aborted = results.length < resolved.length || options.signal?.aborted === true;
  const report: BenchReport = {
    schema: BENCH_REPORT_SCHEMA,
    kind: BENCH_REPORT_KIND,
    volley: VERSION,
    file: options.file ?? null,
    startedAt: started.toISOString(),
    endedAt: new Date().toISOString(),
    durationMs: Math.round(performance.now() - startedMs),
    host: hostInfo(),
    outcome: 'passed',
    ok: true,
    results,
    comparison: null,
  };
  const comparison: BenchComparison | null =
    options.baseline === undefined ? null : compareBenchReports(options.baseline, report, options.compare);
  const ok = results.every((r) => r.ok) && comparison?.verdict !== 'regressed';
  report.comparison = comparison;
  report.ok = ok && !aborted;
  report.outcome = aborted ? 'aborted' : ok ? 'passed' : 'failed';
  return report;
}
