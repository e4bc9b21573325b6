import { describe, expect, it } from 'vitest';
import {
  escapeHelp,
  escapeLabelValue,
  type ExpositionState,
  formatSampleValue,
  renderExposition,
} from '../../../../src/outputs/prometheus/index.js';
import { fixtureResult } from '../fixture-result.js';
import { type ParsedFamily, type ParsedSample, parseExposition } from './exposition-grammar.js';
import { progress, row, startInfo } from './live-progress-fixture.js';

function state(overrides: Partial<ExpositionState> = {}): ExpositionState {
  return { scenario: 'checkout', start: null, progress: null, result: null, ...overrides };
}

function render(overrides: Partial<ExpositionState> = {}): { text: string; families: ParsedFamily[] } {
  const text = renderExposition(state(overrides));
  return { text, families: parseExposition(text) };
}

function samplesOf(families: ParsedFamily[], sampleName: string): ParsedSample[] {
  return families.flatMap((family) => family.samples).filter((sample) => sample.name === sampleName);
}

/** The one sample of that name whose labels include these. */
function valueOf(families: ParsedFamily[], sampleName: string, labels: Record<string, string> = {}): string {
  const found = samplesOf(families, sampleName).filter((sample) =>
    Object.entries(labels).every(([name, value]) => sample.labels[name] === value),
  );
  if (found.length !== 1) throw new Error(`${found.length} samples ${sampleName} ${JSON.stringify(labels)}`);
  return found[0]?.value ?? '';
}

const CART = { run: 'checkout', user_class: 'Shopper', method: 'GET', name: '/cart' };

describe('the grammar check used below', () => {
  it('rejects what Prometheus would reject', () => {
    const head = '# HELP m x\n# TYPE m gauge\n';
    expect(() => parseExposition(`${head}m 1\n`)).not.toThrow();
    expect(() => parseExposition(`${head}m{a="1"} 1`)).toThrow(/line feed/);
    expect(() => parseExposition(`${head}m{a="x"y"} 1\n`)).toThrow(/not a sample/);
    expect(() => parseExposition(`${head}m{a="x\ny"} 1\n`)).toThrow(/not a sample/);
    expect(() => parseExposition(`${head}m{a="1"} 1ms\n`)).toThrow(/not a sample/);
    expect(() => parseExposition(`${head}m{a="1"} 1\nm{a="1"} 2\n`)).toThrow(/twice/);
    expect(() => parseExposition(`${head}n 1\n`)).toThrow(/outside/);
    expect(() => parseExposition('# TYPE m gauge\nm 1\n')).toThrow(/HELP/);
  });
});

describe('renderExposition during a run', () => {
  const running = (): ReturnType<typeof render> => render({ start: startInfo(), progress: progress() });

  it('introduces every family with HELP and TYPE, in a fixed order', () => {
    const { text, families } = running();
    expect(families.map((family) => `${family.name} ${family.type}`)).toEqual([
      'volley_requests_total counter',
      'volley_request_failures_total counter',
      'volley_request_duration_seconds summary',
      'volley_request_duration_max_seconds gauge',
      'volley_aggregated_request_duration_seconds summary',
      'volley_users gauge',
      'volley_requests_per_second gauge',
      'volley_failures_per_second gauge',
      'volley_interval_request_duration_p95_seconds gauge',
      'volley_run_elapsed_seconds gauge',
      'volley_run_planned_duration_seconds gauge',
      'volley_run_start_time_seconds gauge',
      'volley_run_phase gauge',
    ]);
    expect(text).toContain('# HELP volley_requests_total Requests finished, per stats row.\n# TYPE volley_requests_total counter\n');
    // The approximation of _sum is stated where a Prometheus user reads it.
    expect(families[2]?.help).toMatch(/_sum is their mean duration times _count \(the exact sum is not kept\)/);
    for (const family of families) {
      expect(family.name).toMatch(/^volley_/);
      expect(family.help.length).toBeGreaterThan(10);
    }
  });

  it('renders a row as exact sample lines, latencies in seconds', () => {
    const { text } = running();
    const labels = 'run="checkout",user_class="Shopper",method="GET",name="/cart"';
    const lines = text.split('\n');
    for (const expected of [
      `volley_requests_total{${labels}} 600`,
      `volley_request_failures_total{${labels}} 25`,
      `volley_request_duration_seconds{${labels},quantile="0.5"} 0.18`,
      `volley_request_duration_seconds{${labels},quantile="0.95"} 0.48`,
      `volley_request_duration_seconds{${labels},quantile="0.99"} 1.2105`,
      // 212.4 ms × 600 requests = 127.44 s.
      `volley_request_duration_seconds_sum{${labels}} 127.44`,
      `volley_request_duration_seconds_count{${labels}} 600`,
      `volley_request_duration_max_seconds{${labels}} 12.4`,
    ])
      expect(lines).toContain(expected);
  });

  it('rounds to the microsecond instead of printing float artefacts', () => {
    const { families } = render({ progress: progress({ endpoints: [row({ p50Ms: 0.1 + 0.2, p95Ms: 12.345, avgMs: 0.3, requests: 3 })] }) });
    expect(valueOf(families, 'volley_request_duration_seconds', { ...CART, quantile: '0.5' })).toBe('0.0003');
    expect(valueOf(families, 'volley_request_duration_seconds', { ...CART, quantile: '0.95' })).toBe('0.012345');
    expect(valueOf(families, 'volley_request_duration_seconds_sum', CART)).toBe('0.0009');
  });

  it('gives the run-level gauges from the last interval', () => {
    const { families } = running();
    const run = { run: 'checkout' };
    expect(valueOf(families, 'volley_users', run)).toBe('40');
    expect(valueOf(families, 'volley_requests_per_second', run)).toBe('97.5');
    expect(valueOf(families, 'volley_failures_per_second', run)).toBe('1.25');
    expect(valueOf(families, 'volley_interval_request_duration_p95_seconds', run)).toBe('0.35');
    expect(valueOf(families, 'volley_run_elapsed_seconds', run)).toBe('12.345');
    expect(valueOf(families, 'volley_run_planned_duration_seconds', run)).toBe('60');
    expect(valueOf(families, 'volley_run_start_time_seconds', run)).toBe('1735787045.678');
    expect(valueOf(families, 'volley_run_phase', { phase: 'running' })).toBe('1');
    expect(valueOf(families, 'volley_run_phase', { phase: 'stopping' })).toBe('0');
    expect(valueOf(families, 'volley_run_phase', { phase: 'finished' })).toBe('0');
  });

  it('renders the aggregated row as its own summary, never as a row of the per-row counters', () => {
    const total = row({ userClass: '', method: '', name: 'Aggregated', requests: 900, avgMs: 100, p50Ms: 90, p95Ms: 300, p99Ms: 700 });
    const { families } = render({ progress: progress({ total }) });
    expect(samplesOf(families, 'volley_requests_total').map((sample) => sample.labels.name)).toEqual(['/cart']);
    const run = { run: 'checkout' };
    expect(valueOf(families, 'volley_aggregated_request_duration_seconds', { ...run, quantile: '0.95' })).toBe('0.3');
    expect(valueOf(families, 'volley_aggregated_request_duration_seconds_sum', run)).toBe('90');
    expect(valueOf(families, 'volley_aggregated_request_duration_seconds_count', run)).toBe('900');
  });

  it('escapes backslash, double quote and line feed in label values, and they read back intact', () => {
    const name = '/search?q="x"\\d\n';
    const { text, families } = render({ progress: progress({ endpoints: [row({ name, userClass: 'Us"er' })] }) });
    expect(text).toContain(
      'volley_requests_total{run="checkout",user_class="Us\\"er",method="GET",name="/search?q=\\"x\\"\\\\d\\n"} 600\n',
    );
    const [sample] = samplesOf(families, 'volley_requests_total');
    expect(sample?.labels).toEqual({ run: 'checkout', user_class: 'Us"er', method: 'GET', name });
  });

  it('leaves out the quantiles and max of a row with no latency yet, keeping its counts', () => {
    const failing = row({ name: '/down', requests: 3, failures: 3, avgMs: 0, p50Ms: null, p95Ms: null, p99Ms: null, maxMs: null });
    const { families } = render({ progress: progress({ endpoints: [row(), failing], p95Ms: null }) });
    const down = { name: '/down' };
    expect(valueOf(families, 'volley_requests_total', down)).toBe('3');
    expect(valueOf(families, 'volley_request_failures_total', down)).toBe('3');
    expect(samplesOf(families, 'volley_request_duration_seconds').filter((s) => s.labels.name === '/down')).toEqual([]);
    expect(samplesOf(families, 'volley_request_duration_max_seconds').map((s) => s.labels.name)).toEqual(['/cart']);
    expect(valueOf(families, 'volley_request_duration_seconds_count', down)).toBe('3');
    expect(valueOf(families, 'volley_request_duration_seconds_sum', down)).toBe('0');
    // The /cart row keeps its three quantiles.
    expect(samplesOf(families, 'volley_request_duration_seconds').filter((s) => s.labels.name === '/cart')).toHaveLength(3);
    expect(families.map((family) => family.name)).not.toContain('volley_interval_request_duration_p95_seconds');
  });

  it('labels the rows of a file\'s named scenarios apart (two sharing a user class are two series)', () => {
    const smoke = row({ scenario: 'smoke', requests: 100 });
    const spike = row({ scenario: 'spike', requests: 300 });
    const { families } = render({ progress: progress({ endpoints: [smoke, spike] }) });
    expect(valueOf(families, 'volley_requests_total', { ...CART, scenario: 'smoke' })).toBe('100');
    expect(valueOf(families, 'volley_requests_total', { ...CART, scenario: 'spike' })).toBe('300');
    expect(samplesOf(families, 'volley_request_duration_seconds')).toHaveLength(6);
  });

  it('names the scenario from the constructor until the run says its own name', () => {
    expect(valueOf(render().families, 'volley_users', { run: 'checkout' })).toBe('0');
    const started = render({ start: startInfo({ scenario: 'shop "v2"' }), progress: progress() });
    for (const sample of started.families.flatMap((family) => family.samples))
      expect(sample.labels.run).toBe('shop "v2"');
  });

  it('shows the stopping phase', () => {
    const { families } = render({ progress: progress({ phase: 'stopping' }) });
    expect(samplesOf(families, 'volley_run_phase').map((s) => `${s.labels.phase}=${s.value}`)).toEqual([
      'running=0',
      'stopping=1',
      'finished=0',
    ]);
  });
});

describe('renderExposition before the first interval', () => {
  it('has the gauges at zero, no rows and no verdicts', () => {
    const { text, families } = render();
    expect(text).toBe(
      [
        '# HELP volley_users Virtual users alive.',
        '# TYPE volley_users gauge',
        'volley_users{run="checkout"} 0',
        '# HELP volley_requests_per_second Requests finished per second over the last live interval.',
        '# TYPE volley_requests_per_second gauge',
        'volley_requests_per_second{run="checkout"} 0',
        '# HELP volley_failures_per_second Failed requests per second over the last live interval.',
        '# TYPE volley_failures_per_second gauge',
        'volley_failures_per_second{run="checkout"} 0',
        '# HELP volley_run_elapsed_seconds Time since the run started.',
        '# TYPE volley_run_elapsed_seconds gauge',
        'volley_run_elapsed_seconds{run="checkout"} 0',
        '# HELP volley_run_phase The run phase: 1 for the current one, 0 for the others (all 0 before the first live interval).',
        '# TYPE volley_run_phase gauge',
        'volley_run_phase{run="checkout",phase="running"} 0',
        'volley_run_phase{run="checkout",phase="stopping"} 0',
        'volley_run_phase{run="checkout",phase="finished"} 0',
        '',
      ].join('\n'),
    );
    expect(families).toHaveLength(5);
  });

  it('adds the start time and planned length once the run has started', () => {
    const { families } = render({ start: startInfo({ plannedDurationMs: null }) });
    expect(valueOf(families, 'volley_run_start_time_seconds')).toBe('1735787045.678');
    expect(families.map((family) => family.name)).not.toContain('volley_run_planned_duration_seconds');
    expect(valueOf(render({ start: startInfo() }).families, 'volley_run_planned_duration_seconds')).toBe('60');
  });
});

describe('renderExposition after the end', () => {
  const ended = (): ReturnType<typeof render> => {
    const result = fixtureResult();
    return render({ start: startInfo(), progress: progress({ phase: 'stopping', users: 0 }), result });
  };

  it('keeps the final counters and marks the run finished', () => {
    const { families } = ended();
    expect(valueOf(families, 'volley_requests_total', CART)).toBe('600');
    expect(valueOf(families, 'volley_run_phase', { phase: 'finished' })).toBe('1');
    expect(valueOf(families, 'volley_run_phase', { phase: 'stopping' })).toBe('0');
    // The Result's measured duration (30 s), not the last tick's elapsed time.
    expect(valueOf(families, 'volley_run_elapsed_seconds')).toBe('30');
  });

  it('gives the verdict and each threshold as 1/0 gauges', () => {
    const { families } = ended();
    expect(valueOf(families, 'volley_run_passed')).toBe('0');
    expect(samplesOf(families, 'volley_run_outcome').map((s) => `${s.labels.outcome}=${s.value}`)).toEqual([
      'passed=0',
      'failed=1',
      'aborted=0',
    ]);
    expect(
      Object.fromEntries(samplesOf(families, 'volley_threshold_passed').map((s) => [s.labels.threshold, s.value])),
    ).toEqual({
      'p95<300ms': '1',
      'AuthUser:successRate>=99%': '1',
      'GenerationUser:p99<1s': '0',
      'POST /api/v1/generation/create:failRate<5%': '1',
      'GET /api/v1/missing:p95<100ms': '0',
    });
    expect(families.slice(-3).map((family) => `${family.name} ${family.type}`)).toEqual([
      'volley_run_passed gauge',
      'volley_run_outcome gauge',
      'volley_threshold_passed gauge',
    ]);
  });

  it('reports a passed run as passed', () => {
    const result = { ...fixtureResult(), ok: true, outcome: 'passed' as const };
    const { families } = render({ progress: progress(), result });
    expect(valueOf(families, 'volley_run_passed')).toBe('1');
    expect(valueOf(families, 'volley_run_outcome', { outcome: 'passed' })).toBe('1');
  });

  it('gives a threshold written twice one series, failed if either copy failed', () => {
    const base = fixtureResult();
    const verdict = base.thresholds[0];
    if (verdict === undefined) throw new Error('the fixture has thresholds');
    const result = { ...base, thresholds: [verdict, { ...verdict, ok: false }, { ...verdict, expression: 'p99<"1s"' }] };
    const { families } = render({ progress: progress(), result });
    expect(samplesOf(families, 'volley_threshold_passed').map((s) => `${s.labels.threshold}=${s.value}`)).toEqual([
      'p95<300ms=0',
      'p99<"1s"=1',
    ]);
  });

  it('has no threshold family when the run had none', () => {
    const result = { ...fixtureResult(), thresholds: [] };
    const { families } = render({ progress: progress(), result });
    expect(families.map((family) => family.name)).not.toContain('volley_threshold_passed');
    expect(valueOf(families, 'volley_run_passed')).toBe('0');
  });
});

describe('every state is valid exposition text', () => {
  const weird = row({ userClass: 'A\\B', method: 'POST', name: 'a "b"\nc', avgMs: 1e-3, p50Ms: 0.001, maxMs: 1e9 });
  it.each([
    ['before the start', state()],
    ['started', state({ start: startInfo() })],
    ['running', state({ start: startInfo(), progress: progress({ endpoints: [row(), weird] }) })],
    ['no interval latency, NaN rate', state({ progress: progress({ p95Ms: null, rps: NaN, failuresPerSec: Infinity }) })],
    ['ended', state({ start: startInfo(), progress: progress(), result: fixtureResult() })],
    ['ended without progress', state({ result: fixtureResult() })],
  ])('%s', (_, input) => {
    const text = renderExposition(input);
    for (const line of text.slice(0, -1).split('\n')) {
      if (line.startsWith('#')) expect(line).toMatch(/^# (HELP|TYPE) volley_[a-z0-9_]+ \S/);
      else expect(line).toMatch(/^volley_[a-z0-9_]+\{[^\n]*\} \S+$/);
    }
    expect(() => parseExposition(text)).not.toThrow();
  });
});

describe('the value and text escapes', () => {
  it('writes non-finite values as Prometheus reads them', () => {
    expect([NaN, Infinity, -Infinity, 0, -0, 1.5, 1e-7, 2e21].map(formatSampleValue)).toEqual([
      'NaN',
      '+Inf',
      '-Inf',
      '0',
      '0',
      '1.5',
      '1e-7',
      '2e+21',
    ]);
  });

  it('escapes label values and HELP text each by its own rules', () => {
    expect(escapeLabelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
    expect(escapeHelp('a\\b"c\nd')).toBe('a\\\\b"c\\nd');
  });
});

describe('renderExposition with rows of several protocols', () => {
  it('labels a row that is not HTTP/1.1 with its protocol, so GET /cart over HTTP/1.1 and HTTP/2 are two series', () => {
    const { families } = render({ progress: progress({ endpoints: [row(), row({ protocol: 'h2', requests: 7 })] }) });
    const series = samplesOf(families, 'volley_requests_total').map((sample) => [sample.labels.protocol, sample.value]);
    expect(series).toEqual([
      [undefined, '600'],
      ['h2', '7'],
    ]);
  });
});
