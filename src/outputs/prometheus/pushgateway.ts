/**
 * Pushing a run's final metrics to a Pushgateway-compatible URL, for scrapes that come after the
 * run has ended (a CI job's run is over long before a 15-second scrape interval comes round).
 * It is Prometheus's own push protocol: `PUT <url>/metrics/job/<job>/<label>/<value>` with the
 * text exposition, which replaces every metric of that group, so a second run of the same
 * scenario replaces the first instead of mixing with it.
 */

import { PROMETHEUS_CONTENT_TYPE } from './exposition.js';

/** The job label pushed metrics carry; the run's name goes in the `run` grouping label. */
export const PUSH_JOB = 'volley';

/** Where a run's metrics go on a Pushgateway at `base` (`http://127.0.0.1:9091`). */
export function pushUrl(base: string, run: string): string {
  const trimmed = base.replace(/\/+$/, '');
  // An empty label value has its own spelling in the push API (`@base64/=`); a run always has a name.
  return `${trimmed}/metrics/job/${PUSH_JOB}/run/${encodeURIComponent(run === '' ? 'run' : run)}`;
}

/**
 * PUTs `exposition` to the gateway; resolves with null, or with why it was refused (the status
 * and the start of the gateway's answer, or the network error), for a warning. Never throws: the
 * run's own reports are written by then and must not be lost to a gateway that is down.
 */
export async function pushExposition(url: string, exposition: string, timeoutMs = 10_000): Promise<string | null> {
  try {
    const response = await fetch(url, {
      method: 'PUT',
      headers: { 'content-type': PROMETHEUS_CONTENT_TYPE },
      body: exposition,
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (response.ok) return null;
    const answer = (await response.text()).trim().slice(0, 200);
    return `HTTP ${response.status}${answer === '' ? '' : `: ${answer}`}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  }
}
