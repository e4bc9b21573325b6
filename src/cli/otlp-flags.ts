/**
 * `--otlp <endpoint>` (or VOLLEY_OTLP_ENDPOINT), `--otlp-header <name=value>` (or
 * VOLLEY_OTLP_HEADERS, comma-separated) and `--otlp-interval <duration>` (or
 * VOLLEY_OTLP_INTERVAL, default 10s): the OpenTelemetry metrics push, checked before the run.
 * The OpenTelemetry packages are loaded only when it is asked for.
 */

import { formatDuration, parseDuration } from '../core/units/index.js';
import { VolleyError } from '../errors.js';
import type { Output } from '../outputs/output.js';

export interface OtlpFlags {
  otlp?: string;
  otlpHeader?: string[];
  otlpInterval?: string;
}

const DEFAULT_INTERVAL_MS = 10_000;
const METRICS_PATH = '/v1/metrics';

export interface OtlpSettings {
  url: string;
  headers: Record<string, string>;
  intervalMs: number;
}

/** The settings from the flags and the environment; undefined when no endpoint is given. */
export function otlpSettings(flags: OtlpFlags, env: NodeJS.ProcessEnv = process.env): OtlpSettings | undefined {
  const endpoint = flags.otlp ?? env.VOLLEY_OTLP_ENDPOINT;
  if (endpoint === undefined || endpoint.trim() === '') {
    if ((flags.otlpHeader ?? []).length > 0 || flags.otlpInterval !== undefined)
      throw new VolleyError('VOLLEY_E_USAGE', '--otlp-header and --otlp-interval: only with --otlp <endpoint>');
    return undefined;
  }
  const given = flags.otlpHeader ?? [];
  const headerTexts = given.length > 0 ? given : (env.VOLLEY_OTLP_HEADERS ?? '').split(',').filter((h) => h.trim() !== '');
  const intervalText = flags.otlpInterval ?? env.VOLLEY_OTLP_INTERVAL;
  return {
    url: metricsUrl(endpoint.trim()),
    headers: Object.fromEntries(headerTexts.map(header)),
    intervalMs: intervalText === undefined ? DEFAULT_INTERVAL_MS : interval(intervalText),
  };
}

/** The output pushing to the endpoint, with the OpenTelemetry packages loaded now. */
export async function otlpOutput(settings: OtlpSettings): Promise<Output> {
  const { OtlpOutput } = await import('../outputs/otlp/index.js');
  process.stderr.write(`OpenTelemetry metrics: ${settings.url} every ${formatDuration(settings.intervalMs, 'compact')}\n`);
  return new OtlpOutput({ ...settings, warn: (message) => process.stderr.write(`volley: warning: ${message}\n`) });
}

/** An endpoint is the collector's base URL (`http://127.0.0.1:4318`) or its metrics URL. */
function metricsUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new VolleyError('VOLLEY_E_USAGE', `--otlp: expected an OTLP/HTTP endpoint such as http://127.0.0.1:4318, got '${text}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new VolleyError('VOLLEY_E_USAGE', `--otlp: expected an http:// or https:// endpoint (OTLP/HTTP), got '${text}'`);
  const base = text.replace(/\/+$/, '');
  return base.endsWith(METRICS_PATH) ? base : `${base}${METRICS_PATH}`;
}

function header(text: string): [string, string] {
  const eq = text.indexOf('=');
  const name = eq === -1 ? '' : text.slice(0, eq).trim();
  if (name === '' || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
    throw new VolleyError('VOLLEY_E_USAGE', `--otlp-header: expected name=value (e.g. authorization=Bearer abc), got '${text}'`);
  return [name.toLowerCase(), text.slice(eq + 1).trim()];
}

function interval(text: string): number {
  let ms: number | undefined;
  try {
    ms = parseDuration(text, '--otlp-interval');
  } catch {
    ms = undefined;
  }
  if (ms === undefined || !(ms >= 1000))
    throw new VolleyError('VOLLEY_E_USAGE', `--otlp-interval: expected a duration of at least 1s such as 10s, got '${text}'`);
  return ms;
}
