/**
 * `volley run --otlp`: the run's metrics reach an OpenTelemetry collector over OTLP/HTTP. The
 * receiver here is a loopback server that decodes each push with the official OTLP protobuf
 * definitions (opentelemetry-proto, compiled in @opentelemetry/otlp-transformer 0.52), as a
 * collector would: request counters add up to the run's totals, each duration histogram's
 * buckets to its count, and the verdict arrives with the last push.
 */

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/metrics/result.js';
import { runCli, tempDir, writeScenario } from '../helpers/cli.js';
import { type LoopbackServer, startServer } from '../helpers/loopback-server.js';

interface KeyValue { key: string; value: { stringValue?: string; doubleValue?: number } }
interface NumberPoint { attributes?: KeyValue[]; asDouble?: number }
interface HistogramPoint { attributes?: KeyValue[]; count: number; bucketCounts: number[]; explicitBounds: number[]; sum?: number }
interface Metric {
  name: string;
  unit?: string;
  sum?: { dataPoints: NumberPoint[]; isMonotonic?: boolean; aggregationTemporality?: number };
  gauge?: { dataPoints: NumberPoint[] };
  histogram?: { dataPoints: HistogramPoint[] };
}
interface Export { resourceMetrics: { resource: { attributes: KeyValue[] }; scopeMetrics: { scope: { name: string }; metrics: Metric[] }[] }[] }

const proto = createRequire(import.meta.url)('otlp-proto-definitions/build/src/generated/root.js') as {
  opentelemetry: { proto: { collector: { metrics: { v1: { ExportMetricsServiceRequest: {
    decode(bytes: Uint8Array): unknown;
    toObject(message: unknown, options: object): Export;
  } } } } } };
};
const Request = proto.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;

let target: LoopbackServer;
let collector: LoopbackServer;
const pushes: { path: string; type: string; auth: string; body: Export }[] = [];
beforeAll(async () => {
  target = await startServer((req, res) => {
    res.statusCode = req.url === '/flaky' ? 503 : 200;
    setTimeout(() => res.end('ok'), 2);
  });
  collector = await startServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Request.toObject(Request.decode(Buffer.concat(chunks)), { longs: Number, defaults: true });
      pushes.push({ path: req.url ?? '', type: String(req.headers['content-type']), auth: String(req.headers.authorization), body });
      res.setHeader('content-type', 'application/x-protobuf');
      res.end();
    });
  });
});
afterAll(async () => {
  await target.close();
  await collector.close();
});

const SCENARIO = `
import { constant, defineScenario, defineUser } from 'volley';
export const Reader = defineUser({
  wait: constant('20ms'),
  tasks: {
    read: ({ http }) => http.get('/items'),
    flaky: ({ http, metric }) => { metric('jobs').add(1); return http.get('/flaky'); },
  },
});
export default defineScenario({
  name: 'pushed',
  users: [Reader],
  metrics: { jobs: 'counter' },
  load: { users: 3, duration: '2500ms' },
  thresholds: ['p95<5s', 'name=/flaky:errorRate<1%'],
});
`;

const attribute = (attributes: KeyValue[] | undefined, key: string): string | number | undefined => {
  const found = attributes?.find((a) => a.key === key)?.value;
  return found?.stringValue ?? found?.doubleValue;
};

describe('volley run --otlp', () => {
  it('pushes counters, exact histograms, users, custom metrics and the verdict', async () => {
    const dir = tempDir();
    const json = join(dir, 'result.json');
    const file = writeScenario(dir, 'load.ts', SCENARIO);
    const cli = await runCli(['run', file, '-H', target.url, '--workers', '2', '--json', json, '-q',
      '--otlp', collector.url, '--otlp-interval', '1s', '--otlp-header', 'authorization=Bearer t0ken']);
    expect(cli.code, cli.stderr).toBe(1);
    const result = JSON.parse(readFileSync(json, 'utf8')) as Result;
    expect(pushes.length).toBeGreaterThanOrEqual(2);
    expect(pushes.every((p) => p.path === '/v1/metrics' && p.type === 'application/x-protobuf' && p.auth === 'Bearer t0ken')).toBe(true);

    const last = pushes.at(-1)?.body.resourceMetrics[0];
    expect(attribute(last?.resource.attributes, 'service.name')).toBe('volley');
    expect(attribute(last?.resource.attributes, 'volley.run')).toBe('pushed');
    const metrics = new Map((last?.scopeMetrics[0]?.metrics ?? []).map((m) => [m.name, m]));
    expect([...metrics.keys()].sort()).toEqual([
      'volley.custom.jobs', 'volley.request.duration', 'volley.request.failures', 'volley.requests',
      'volley.run.passed', 'volley.threshold.passed', 'volley.users',
    ]);
    const requests = metrics.get('volley.requests')?.sum;
    expect(requests?.isMonotonic).toBe(true);
    expect(requests?.aggregationTemporality).toBe(2);
    const total = (points: NumberPoint[] | undefined): number => (points ?? []).reduce((n, p) => n + (p.asDouble ?? 0), 0);
    expect(total(requests?.dataPoints)).toBe(result.totals.requests);
    expect(total(metrics.get('volley.request.failures')?.sum?.dataPoints)).toBe(result.totals.failures);
    for (const point of metrics.get('volley.request.duration')?.histogram?.dataPoints ?? []) {
      expect(point.bucketCounts.reduce((n, c) => n + c, 0)).toBe(point.count);
      expect(point.bucketCounts).toHaveLength(point.explicitBounds.length + 1);
      const row = result.endpoints.find((e) => e.name === attribute(point.attributes, 'name'));
      expect(point.count).toBe(row?.requests);
    }
    expect(total(metrics.get('volley.custom.jobs')?.sum?.dataPoints)).toBe(result.metrics?.find((m) => m.name === 'jobs')?.sum);
    expect(metrics.get('volley.run.passed')?.gauge?.dataPoints[0]?.asDouble).toBe(0);
    const verdicts = (metrics.get('volley.threshold.passed')?.gauge?.dataPoints ?? []).map((p) => [attribute(p.attributes, 'threshold'), p.asDouble]);
    expect(verdicts).toEqual([['p95<5s', 1], ['name=/flaky:errorRate<1%', 0]]);
  });

  it('a collector that is down is one warning, not a failed run', async () => {
    const gone = await startServer((_req, res) => res.end());
    await gone.close();
    const cli = await runCli(['run', '--url', `${target.url}/items`, '-t', '1s', '-q', '--otlp', gone.url]);
    expect(cli.code).toBe(0);
    expect(cli.stderr.match(/warning: --otlp: .* did not take the metrics/g)).toHaveLength(1);
  });

  it('bad flags name the flag and what it takes', async () => {
    const url = `${target.url}/items`;
    const scheme = await runCli(['run', '--url', url, '--otlp', 'grpc://collector:4317']);
    expect(scheme.code).toBe(2);
    expect(scheme.stderr).toContain('--otlp: expected an http:// or https:// endpoint (OTLP/HTTP)');
    const header = await runCli(['run', '--url', url, '--otlp', collector.url, '--otlp-header', 'nope']);
    expect(header.code).toBe(2);
    expect(header.stderr).toContain("--otlp-header: expected name=value (e.g. authorization=Bearer abc), got 'nope'");
  });
});
