/**
 * Stats per named phase of a run (each step of a step load), so the result shows how latency
 * and errors changed as the load went up: where they bend is where capacity ends.
 */

import type { DecodedSnapshot } from './decoded-snapshot.js';
import { createHistogram, type Histogram, latencyStats } from './histogram.js';
import type { PhaseStats } from './result.js';
import type { MergedStats } from './stats-source.js';
import { latencyView } from './latency-view.js';
import { round } from './row-stats.js';

interface Phase {
  name: string;
  fromMs: number;
  toMs: number;
  users: number;
  requests: number;
  failures: number;
  latency: Histogram;
}

export class PhaseTracker {
  private readonly phases = new Map<string, Phase>();
  /** Users a phase was planned for, when the executor said (a step's level). */
  private readonly planned = new Map<string, number>();

  declare(name: string, users: number): void {
    this.planned.set(name, users);
  }

  add(decoded: DecodedSnapshot): void {
    const { snapshot } = decoded;
    if (snapshot.phase === null) return;
    let phase = this.phases.get(snapshot.phase);
    if (phase === undefined) {
      phase = {
        name: snapshot.phase,
        fromMs: snapshot.fromMs,
        toMs: snapshot.toMs,
        users: 0,
        requests: 0,
        failures: 0,
        latency: createHistogram(),
      };
      this.phases.set(snapshot.phase, phase);
    }
    phase.fromMs = Math.min(phase.fromMs, snapshot.fromMs);
    phase.toMs = Math.max(phase.toMs, snapshot.toMs);
    phase.users = Math.max(phase.users, snapshot.users);
    phase.requests += decoded.requests;
    phase.failures += decoded.failures;
    phase.latency.add(decoded.latency);
  }

  /** The figures of the phases a `phase=` selector names, merged (see `RowFilter.phase`). */
  select(selector: string): MergedStats {
    const latency = createHistogram();
    let rows = 0;
    let requests = 0;
    let failures = 0;
    let ms = 0;
    for (const phase of this.phases.values()) {
      if (!phaseMatches(phase.name, selector)) continue;
      rows++;
      requests += phase.requests;
      failures += phase.failures;
      ms += phase.toMs - phase.fromMs;
      latency.add(phase.latency);
    }
    return { rows, requests, failures, seconds: ms / 1000, latency: latencyView(latency), checks: { passes: 0, fails: 0 } };
  }

  stats(): PhaseStats[] {
    return [...this.phases.values()]
      .sort((a, b) => a.fromMs - b.fromMs)
      .map((phase) => {
        const seconds = (phase.toMs - phase.fromMs) / 1000;
        return {
          name: phase.name,
          fromS: round(phase.fromMs / 1000, 3),
          toS: round(phase.toMs / 1000, 3),
          users: this.planned.get(phase.name) ?? phase.users,
          requests: phase.requests,
          failures: phase.failures,
          rps: seconds > 0 ? round(phase.requests / seconds, 2) : 0,
          errorRate: phase.requests > 0 ? round(phase.failures / phase.requests, 6) : 0,
          latency: latencyStats(phase.latency),
        };
      });
  }
}

/**
 * Whether phase `name` is the one `selector` names: the whole name, or its start up to `/` or
 * `:` (`step 3` is `step 3/5: 30 users`), after a named scenario's `name: ` prefix if any.
 */
export function phaseMatches(name: string, selector: string): boolean {
  for (const candidate of [name, name.slice(name.indexOf(': ') + 2)]) {
    if (candidate === selector) return true;
    if (candidate.startsWith(selector)) {
      const next = candidate.charAt(selector.length);
      if (next === '/' || next === ':') return true;
    }
  }
  return false;
}
