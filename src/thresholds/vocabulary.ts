/**
 * Metric vocabularies: the names a kind of threshold may use, each with the unit its value is
 * written in and how a measured value is shown. Runs have theirs (`run-vocabulary.ts`: requests,
 * rates, latencies, memory); benchmarks and stress tests define theirs in `src/bench/` and pass
 * them in. Names are matched case-insensitively (`P95` and `successrate` are not worth an error);
 * every vocabulary takes latency percentiles as `p95`, `p99.9` or `p(99.9)`.
 */

import type { ValueDisplay } from './format-actual.js';
import type { ValueUnit } from './value-unit.js';

export interface VocabularyEntry<Metric> {
  metric: Metric;
  unit: ValueUnit;
  display: ValueDisplay;
  /** For a percentile (`p95`, `median`): in (0, 100]. */
  percentile?: number;
}

export interface MetricVocabulary<Metric> {
  /** Lower-case name → entry, aliases included. */
  named: ReadonlyMap<string, VocabularyEntry<Metric>>;
  /** The entry for the latency percentile `pNN`. */
  percentile(percentile: number): VocabularyEntry<Metric>;
  /** The names listed when one is not known. */
  namesHint: string;
  /**
   * The problem with a name (as written) that belongs to a sibling vocabulary (`rme` in a stress
   * test), or undefined when it is simply unknown.
   */
  misplaced?(name: string): string | undefined;
}

/** `p95`, `p99.9`, `p(99.9)`. */
const PERCENTILE = /^p(?:(\d+(?:\.\d+)?)|\(\s*(\d+(?:\.\d+)?)\s*\))$/i;

/** True when `text` names a metric of `vocabulary`, so callers can tell keys from typos. */
export function isVocabularyName<Metric>(text: string, vocabulary: MetricVocabulary<Metric>): boolean {
  return vocabulary.named.has(text.trim().toLowerCase()) || PERCENTILE.test(text.trim());
}

/**
 * Resolves a metric name, or pushes one problem onto `problems` and returns undefined.
 * Problems are phrased to follow `threshold '…': `.
 */
export function resolveMetricName<Metric>(
  text: string,
  vocabulary: MetricVocabulary<Metric>,
  problems: string[],
): VocabularyEntry<Metric> | undefined {
  const name = text.trim();
  if (name === '') {
    problems.push(`no metric given (use one of ${vocabulary.namesHint})`);
    return undefined;
  }
  const named = vocabulary.named.get(name.toLowerCase());
  if (named !== undefined) return named;
  const match = PERCENTILE.exec(name);
  if (match === null) {
    problems.push(
      vocabulary.misplaced?.(name) ??
        `unknown metric '${name}' (use one of ${vocabulary.namesHint})`,
    );
    return undefined;
  }
  const percentile = Number(match[1] ?? match[2]);
  if (!(percentile > 0 && percentile <= 100)) {
    // `p999` is how some tools spell the 99.9th; say so rather than guess.
    problems.push(
      `percentile ${percentile} in '${name}' is out of range (use 0 < N <= 100, e.g. p95, p99.9 or p(99.9))`,
    );
    return undefined;
  }
  return vocabulary.percentile(percentile);
}
