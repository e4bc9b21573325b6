/**
 * The document `volley bench --json` writes and `--baseline` reads: every benchmark's and stress
 * test's result from one run of a bench file, with metadata, the verdict, and the comparison
 * with a baseline when one was given. One JSON document, like a run's Result, so anything that
 * reports on it later needs nothing else.
 */

import { readFile } from 'node:fs/promises';
import { isJsonObject, parseJsonDocument } from '../core/json-document.js';
import { VolleyError } from '../errors.js';
import type { HostInfo } from '../metrics/result.js';
import { ioReason } from '../core/atomic-write.js';
import type { BenchComparison } from './bench-compare.js';
import type { BenchResult } from './bench-result.js';
import type { StressResult } from './stress/stress-result.js';

export const BENCH_REPORT_SCHEMA = 1;
export const BENCH_REPORT_KIND = 'volley-bench';

export type SuiteResult = BenchResult | StressResult;

export interface BenchReport {
  schema: typeof BENCH_REPORT_SCHEMA;
  kind: typeof BENCH_REPORT_KIND;
  volley: string;
  /** The bench file, or null when run from code. */
  file: string | null;
  startedAt: string;
  endedAt: string;
  durationMs: number;
  host: HostInfo;
  /** passed: every result ok (and no regression against the baseline); aborted: interrupted. */
  outcome: 'passed' | 'failed' | 'aborted';
  ok: boolean;
  results: SuiteResult[];
  comparison: BenchComparison | null;
}


/** Checks a parsed document is a bench report; `file` names it in the error. */
export function parseBenchReport(text: string, file: string): BenchReport {
  const document = parseJsonDocument(text, file);
  if (!isJsonObject(document) || document.kind !== BENCH_REPORT_KIND || !Array.isArray(document.results)) {
    throw new VolleyError(
      'VOLLEY_E_USAGE',
      `'${file}' is not a volley bench report (write one with volley bench <file> --json ${file})`,
    );
  }
  if (document.schema !== BENCH_REPORT_SCHEMA) {
    throw new VolleyError(
      'VOLLEY_E_USAGE',
      `'${file}' has bench report schema ${String(document.schema)}; this volley reads schema ${BENCH_REPORT_SCHEMA}`,
    );
  }
  return document as unknown as BenchReport;
}

export async function readBenchReport(path: string, role = 'baseline'): Promise<BenchReport> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new VolleyError(
      'VOLLEY_E_IO',
      `cannot read the ${role} '${path}': ${code === 'ENOENT' ? 'no such file' : ioReason(error)}`,
      { cause: error },
    );
  }
  return parseBenchReport(text, path);
}
