/**
 * `--prometheus`, `--prometheus-linger` and `--prometheus-push`: the live /metrics endpoint, and
 * the two ways its final figures outlive the run. A scraper polling every 15 or 30 seconds may
 * never scrape a CI run's last seconds, which hold the verdict: lingering keeps the endpoint up a
 * while after the end, pushing hands the final exposition to a Pushgateway-compatible server.
 */

import { formatDuration, parseDuration } from '../core/units/index.js';
import { VolleyError } from '../errors.js';
import type { PrometheusOutput } from '../outputs/prometheus/index.js';
import { parseAddress } from './worker-command.js';

export interface PrometheusFlags {
  prometheus?: string;
  prometheusLinger?: string;
  prometheusPush?: string;
}

/** What the run does with Prometheus: an endpoint (maybe not listening, for a push alone). */
export interface PrometheusPlan {
  /** Registered as an output; listening when `--prometheus` was given. */
  output: PrometheusOutput;
  listening: boolean;
  lingerMs: number;
  pushTo: string | undefined;
}

/** Checks the flags before the run, so a typo fails in a second; undefined when none is given. */
export async function preparePrometheus(flags: PrometheusFlags, runName: string): Promise<PrometheusPlan | undefined> {
  const lingerMs = flags.prometheusLinger === undefined ? 0 : lingerOf(flags.prometheusLinger);
  if (lingerMs > 0 && flags.prometheus === undefined)
    throw new VolleyError('VOLLEY_E_USAGE', '--prometheus-linger: only with --prometheus (it keeps that endpoint up after the run)');
  const pushTo = flags.prometheusPush === undefined ? undefined : pushBase(flags.prometheusPush);
  if (flags.prometheus === undefined && pushTo === undefined) return undefined;
  const { PrometheusOutput } = await import('../outputs/prometheus/index.js');
  if (flags.prometheus === undefined) {
    return { output: new PrometheusOutput({ host: '127.0.0.1', port: 0, scenario: runName }), listening: false, lingerMs, pushTo };
  }
  const address = flags.prometheus.trim();
  const { host, port } = parseAddress(/^\d+$/.test(address) ? `127.0.0.1:${address}` : address, '--prometheus');
  const output = new PrometheusOutput({ host, port, scenario: runName });
  try {
    process.stderr.write(`Prometheus metrics: ${await output.listen()}\n`);
  } catch (error) {
    throw new VolleyError('VOLLEY_E_USAGE', `--prometheus: cannot listen on ${host}:${port}: ${(error as Error).message}`);
  }
  return { output, listening: true, lingerMs, pushTo };
}

/**
 * After the run (its reports written): the push, then the linger, then the endpoint closes. A
 * push that fails is a warning, not a failed run. Ctrl-C (or SIGTERM) ends the linger early.
 */
export async function finishPrometheus(plan: PrometheusPlan): Promise<void> {
  try {
    if (plan.pushTo !== undefined) {
      const { pushExposition, pushUrl } = await import('../outputs/prometheus/index.js');
      const url = pushUrl(plan.pushTo, plan.output.runName());
      const problem = await pushExposition(url, plan.output.render());
      process.stderr.write(problem === null ? `Prometheus metrics pushed to ${url}\n` : `volley: warning: --prometheus-push: ${url} refused the metrics: ${problem}\n`);
    }
    if (plan.listening && plan.lingerMs > 0) {
      process.stderr.write(`Prometheus metrics stay up for ${formatDuration(plan.lingerMs, 'compact')} (Ctrl-C ends the wait)\n`);
      await interruptibleWait(plan.lingerMs);
    }
  } finally {
    await plan.output.close();
  }
}

/** Waits `ms`, or until Ctrl-C or SIGTERM, whichever comes first; leaves no listener behind. */
function interruptibleWait(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}

function lingerOf(text: string): number {
  try {
    const ms = parseDuration(text, '--prometheus-linger');
    if (ms >= 0) return ms;
  } catch {
    // Reported below with what the flag takes.
  }
  throw new VolleyError('VOLLEY_E_USAGE', `--prometheus-linger: expected a duration such as 30s or 2m, got '${text}'`);
}

function pushBase(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new VolleyError('VOLLEY_E_USAGE', `--prometheus-push: expected a Pushgateway URL such as http://127.0.0.1:9091, got '${text}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new VolleyError('VOLLEY_E_USAGE', `--prometheus-push: expected an http:// or https:// URL, got '${text}'`);
  return text;
}
