/**
 * The first thing on the page: did the run pass, and why not. A large PASSED / FAILED / ABORTED
 * with the reason in words, then the handful of figures a person looks for next (volume, failure
 * rate, throughput, latency percentiles, peak users).
 */

import type { Result } from '../../../metrics/result.js';
import { formatCount, formatCountOf, formatDuration, formatPercent, formatRate, MISSING } from '../../../core/units/index.js';
import { html, type SafeHtml } from '../html.js';

const WORDS = { passed: 'PASSED', failed: 'FAILED', aborted: 'ABORTED' } as const;
const MARKS = { passed: '✓', failed: '✗', aborted: '■' } as const;

/** Why the run ended as it did, in one sentence. */
export function verdictReason(result: Result): string {
  const thresholds = result.thresholds;
  const failed = thresholds.filter((t) => !t.ok).length;
  switch (result.outcome) {
    case 'aborted':
      return result.abortReason ?? 'the run was stopped before its end';
    case 'failed': {
      if (thresholds.length > 0)
        return `${failed} of ${formatCountOf(thresholds.length, 'threshold')} failed`;
      const taskErrors = result.errors.filter((e) => e.kind === 'task').reduce((sum, e) => sum + e.count, 0);
      const parts = [
        result.totals.failures > 0 ? formatCountOf(result.totals.failures, 'failed request') : '',
        taskErrors > 0 ? formatCountOf(taskErrors, 'task error') : '',
        result.totals.checks.fails > 0 ? formatCountOf(result.totals.checks.fails, 'failed check') : '',
      ].filter((p) => p !== '');
      return parts.length > 0 ? `no thresholds set, and ${parts.join(', ')}` : 'the run failed';
    }
    case 'passed':
      if (thresholds.length === 0) return 'no thresholds set, and no failed requests, tasks or checks';
      return thresholds.length === 1 ? 'the threshold passed' : `all ${thresholds.length} thresholds passed`;
  }
}

function peakUsers(result: Result): number | null {
  if (result.timeSeries.length === 0) return null;
  return Math.max(...result.timeSeries.map((p) => p.users));
}

function tile(label: string, value: string, tone = ''): SafeHtml {
  return html`<div class="tile${tone === '' ? '' : ` ${tone}`}"><dt>${label}</dt><dd>${value}</dd></div>`;
}

export function verdictSection(result: Result): SafeHtml {
  const { totals } = result;
  const hasRequests = totals.requests > 0;
  const failRate = hasRequests ? totals.failures / totals.requests : 0;
  const peak = peakUsers(result);
  return html`<section class="verdict ${result.outcome}" id="verdict" aria-label="Verdict">
<div class="verdict-main">
<p class="verdict-word"><span class="verdict-mark" aria-hidden="true">${MARKS[result.outcome]}</span>${WORDS[result.outcome]}</p>
<p class="verdict-reason">${verdictReason(result)}</p>
</div>
<dl class="tiles">
${tile('requests', formatCount(totals.requests))}
${tile('failures', hasRequests ? `${formatPercent(failRate)}` : MISSING, totals.failures > 0 ? 'bad' : '')}
${tile('throughput', `${formatRate(totals.rps)}/s`)}
${tile('p50', hasRequests ? formatDuration(totals.latency.p50, 'latency') : MISSING)}
${tile('p95', hasRequests ? formatDuration(totals.latency.p95, 'latency') : MISSING)}
${tile('p99', hasRequests ? formatDuration(totals.latency.p99, 'latency') : MISSING)}
${peak === null ? '' : tile('peak users', formatCount(peak))}
</dl>
</section>`;
}
