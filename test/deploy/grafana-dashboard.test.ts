/**
 * deploy/grafana/volley-dashboard.json queries volley's Prometheus metrics: every metric name a
 * panel's query uses must be one volley exports (a renamed metric would leave an empty panel,
 * which nobody notices until the run that mattered), and the dashboard must import as Grafana
 * expects (a datasource variable, unique panel ids, panels on the grid).
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CustomMetricStats } from '../../src/metrics/result.js';
import { renderExposition } from '../../src/outputs/prometheus/index.js';
import { fixtureResult } from '../unit/outputs/fixture-result.js';
import { progress } from '../unit/outputs/prometheus/live-progress-fixture.js';

interface Target {
  expr: string;
  datasource: { uid: string };
}
interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { x: number; y: number; w: number; h: number };
  datasource?: { uid: string };
  targets?: Target[];
}

const dashboard = JSON.parse(readFileSync(new URL('../../deploy/grafana/volley-dashboard.json', import.meta.url), 'utf8')) as {
  uid: string;
  panels: Panel[];
  templating: { list: { name: string; type: string; query: unknown }[] };
};

const METRICS: CustomMetricStats[] = [
  { name: 'cost_usd', kind: 'trend', samples: 3, sum: 0.3, min: 0.05, max: 0.2, avg: 0.1, med: 0.05, p90: 0.2, p95: 0.2, p99: 0.2 },
  { name: 'jobs', kind: 'counter', samples: 2, sum: 7, perSecond: 0.7 },
  { name: 'cache_hit', kind: 'rate', samples: 4, trues: 3, rate: 0.75 },
  { name: 'queue_depth', kind: 'gauge', samples: 2, last: 4, min: 1, max: 4 },
];

/** Every series name volley exports at the end of a run, summaries' `_sum` and `_count` included. */
function exportedNames(): Set<string> {
  const result = { ...fixtureResult(), metrics: METRICS };
  const text = renderExposition({
    scenario: 'shop',
    start: null,
    progress: progress({ metrics: METRICS }),
    result,
  });
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    const name = /^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]/.exec(line)?.[1];
    if (name !== undefined && !line.startsWith('#')) names.add(name);
  }
  return names;
}

function queries(): { panel: string; expr: string }[] {
  return dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => ({ panel: panel.title, expr: target.expr })));
}

describe('the Grafana dashboard', () => {
  it('queries only metrics volley exports, and uses every family a run has', () => {
    const exported = exportedNames();
    const used = new Set<string>();
    for (const { panel, expr } of queries()) {
      const names = expr.match(/\bvolley_[a-z0-9_]+/g) ?? [];
      expect(names.length, `${panel}: ${expr}`).toBeGreaterThan(0);
      for (const name of names) {
        expect(exported.has(name), `${panel} queries ${name}, which volley does not export`).toBe(true);
        used.add(name);
      }
    }
    // The families a dashboard of a load test cannot do without.
    for (const name of ['volley_users', 'volley_requests_total', 'volley_request_failures_total', 'volley_request_duration_seconds', 'volley_run_passed', 'volley_threshold_passed'])
      expect(used.has(name), `${name} has no panel`).toBe(true);
  });

  it('selects runs through a variable and quantiles volley exports', () => {
    for (const { panel, expr } of queries()) {
      for (const selector of expr.match(/\{[^}]*\}/g) ?? []) expect(selector, panel).toContain('run=~"$run"');
      for (const quantile of expr.match(/quantile="([^"]+)"/g) ?? [])
        expect(['quantile="0.5"', 'quantile="0.9"', 'quantile="0.95"', 'quantile="0.99"'], panel).toContain(quantile);
    }
    const variables = dashboard.templating.list.map((v) => `${v.name}:${v.type}`);
    expect(variables).toEqual(['datasource:datasource', 'run:query']);
  });

  it('imports cleanly: unique ids, every query on the datasource variable, panels inside the 24-column grid', () => {
    const ids = dashboard.panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(dashboard.uid).toBe('volley-load-test');
    for (const panel of dashboard.panels) {
      expect(panel.gridPos.x + panel.gridPos.w, panel.title).toBeLessThanOrEqual(24);
      if (panel.type === 'row') continue;
      expect(panel.datasource?.uid, panel.title).toBe('${datasource}');
      for (const target of panel.targets ?? []) expect(target.datasource.uid, panel.title).toBe('${datasource}');
    }
  });
});
