/**
 * The web UI as one more output of a run: it forwards the start, each tick's progress and the
 * end (with the rendered HTML report and the JSON result) to the UI server's pages.
 */

import type { Result } from '../metrics/result.js';
import { renderHtmlReport } from '../outputs/html/index.js';
import type { LiveProgress, Output, RunStartInfo } from '../outputs/output.js';
import { runLoadText } from '../outputs/run-load.js';
import type { UiEnd } from './ui-messages.js';
import type { UiServer } from './ui-server.js';

export class UiOutput implements Output {
  readonly name = 'web UI';
  private stopping = false;

  constructor(private readonly server: UiServer) {}

  onStart(info: RunStartInfo): void {
    this.server.update({ phase: 'running', startedAt: info.startedAt });
  }

  onProgress(progress: LiveProgress): void {
    if (progress.phase === 'stopping' && !this.stopping) {
      this.stopping = true;
      this.server.update({ phase: 'stopping' });
    }
    this.server.progress({ ...progress, endpoints: [...progress.endpoints], errors: [...progress.errors] });
  }

  onEnd(result: Result): void {
    this.server.end(uiEnd(result), renderHtmlReport(result), result);
  }
}

/** The end of a run as the page shows it. */
export function uiEnd(result: Result): UiEnd {
  const { totals } = result;
  return {
    verdict: result.outcome,
    thresholds: result.thresholds.map((t) => ({ expression: t.expression, passed: t.ok, actual: t.actualText })),
    totals: {
      requests: totals.requests,
      failures: totals.failures,
      rps: totals.rps,
      p50Ms: totals.latency.p50,
      p95Ms: totals.latency.p95,
      p99Ms: totals.latency.p99,
    },
    load: runLoadText(result) ?? '',
    reportUrl: 'report.html',
    resultUrl: 'result.json',
    warnings: result.warnings,
  };
}
