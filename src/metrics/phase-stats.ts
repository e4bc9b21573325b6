/**
 * Stats per named phase of a run (each step of a step load), so the result shows how latency
 * and errors changed as the load went up: where they bend is where capacity ends.
 */

import type { DecodedSnapshot } from './decoded-snapshot.js';
import { createHistogram, type Histogram, latencyStats } from './histogram.js';
import type { PhaseStats } from './result.js';
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
