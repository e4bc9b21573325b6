/**
 * Named load levels (`--profile heavy`), as data. The built-in ones are the levels the teams
 * behind volley's examples used; a config file may add profiles or redefine these.
 *
 * | profile  | users | spawn rate | duration | from |
 * | quick    |     5 |      1/s   |   1m     | TherapyBridge API (seed 004) |
 * | moderate |    20 |      2/s   |   5m     | seed 004 |
 * | heavy    |    50 |      5/s   |  10m     | seed 004 |
 * | stress   |   100 |     10/s   |  15m     | seed 004 |
 * | normal   |    50 |     10/s   |  30s     | Cost Agent normal_load (seed 003): ramp 5 s |
 * | peak     |   200 |     20/s   |   1m     | seed 003 peak_load: ramp 10 s |
 * | extreme  |   500 |     25/s   |   2m     | seed 003 stress_load: ramp 20 s |
 */

export interface ProfileLoad {
  users: number;
  spawnRate: number;
  duration: string;
  /**
   * Pass/fail criteria that hold only at this load, added to the scenario's: throughput targets
   * stated "at 50 users", say, which a CI-sized run cannot reach.
   */
  thresholds?: string[];
}

export const BUILTIN_PROFILES: Readonly<Record<string, ProfileLoad>> = Object.freeze({
  quick: { users: 5, spawnRate: 1, duration: '1m' },
  moderate: { users: 20, spawnRate: 2, duration: '5m' },
  heavy: { users: 50, spawnRate: 5, duration: '10m' },
  stress: { users: 100, spawnRate: 10, duration: '15m' },
  normal: { users: 50, spawnRate: 10, duration: '30s' },
  peak: { users: 200, spawnRate: 20, duration: '1m' },
  extreme: { users: 500, spawnRate: 25, duration: '2m' },
});
