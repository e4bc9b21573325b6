/**
 * The option table is the one declaration of each run option; these check what derives from it:
 * the defaults, the flags' layer and their names in messages, env reading, the scenario's layer
 * and run()'s, and that no two options claim the same flag, variable, key or name.
 */

import { describe, expect, it } from 'vitest';
import { envLayer } from '../../../src/config/env-options.js';
import { flagOptionLayer, optionFlagLines } from '../../../src/config/option-flags.js';
import { OPTION_TABLE, optionEntries } from '../../../src/config/option-table.js';
import { resolveRunOptions } from '../../../src/config/resolve-options.js';
import { apiOptionLayer } from '../../../src/config/run-api-options.js';
import { DEFAULT_OPTIONS } from '../../../src/config/run-options.js';
import { scenarioOptionLayer } from '../../../src/config/scenario-option-layer.js';
import { VolleyError } from '../../../src/errors.js';

describe('the option table', () => {
  it('gives no two options the same flag, variable, config key, scenario path or run() name', () => {
    const unique = (values: (string | undefined)[]) => {
      const present = values.filter((value) => value !== undefined);
      expect(new Set(present).size, present.join(', ')).toBe(present.length);
    };
    const specs = optionEntries().map(([, spec]) => spec);
    unique(optionFlagLines().map((line) => line.long));
    unique(optionFlagLines().flatMap((line) => (/^-(\w),/.exec(line.flags)?.[1] ?? [])));
    unique(specs.map((spec) => spec.env));
    unique(specs.map((spec) => spec.configKey));
    unique(specs.map((spec) => spec.scenarioPath));
    unique(specs.map((spec) => spec.api?.name));
  });

  it('keeps the defaults volley has always had', () => {
    expect(DEFAULT_OPTIONS).toMatchObject({
      host: null,
      users: 1,
      durationMs: null,
      iterations: null,
      gracefulStopMs: 30_000,
      tags: [],
      timeoutMs: 60_000,
      thresholds: [],
      json: null,
      quiet: false,
      seed: 1,
      connections: 6,
      maxRedirects: 10,
      insecure: false,
      maxBodySize: 4 * 1024 * 1024,
      discardResponseBodies: false,
      acceptEncoding: 'gzip, deflate, br',
      showSecrets: false,
      stages: null,
      rate: null,
      profile: null,
    });
    expect(DEFAULT_OPTIONS.workers).toBeGreaterThanOrEqual(1);
    expect('spawnRate' in DEFAULT_OPTIONS).toBe(false);
  });

  it('reads a bare number as seconds in every duration option', () => {
    const durations = optionEntries().filter(([, spec]) => spec.unit === 'seconds');
    expect(durations.map(([name]) => name).sort()).toEqual(['durationMs', 'gracefulStopMs', 'timeoutMs']);
    for (const [, spec] of durations) expect(spec.schema.parse(2)).toBe(2000);
  });
});

describe('flagOptionLayer', () => {
  it('names each flag as typed, with its short alias', () => {
    const layer = flagOptionLayer({ users: '5', iterations: '3', threshold: ['p95<1s'], userClasses: ['A'] });
    expect(layer.users).toEqual({ value: '5', origin: '-u/--users' });
    expect(layer.iterations).toEqual({ value: '3', origin: '--iterations' });
    expect(layer.thresholds).toEqual({ value: ['p95<1s'], origin: '--threshold' });
    expect(layer.userClasses).toEqual({ value: ['A'], origin: 'user classes' });
  });

  it('skips unset flags and empty repeatable ones', () => {
    expect(flagOptionLayer({ threshold: [], compression: true })).toEqual({});
  });

  it('turns --no-compression into no accept-encoding, and refuses it with --accept-encoding', () => {
    expect(flagOptionLayer({ compression: false }).acceptEncoding).toEqual({ value: false, origin: '--no-compression' });
    expect(() => flagOptionLayer({ compression: false, acceptEncoding: 'gzip' })).toThrow(VolleyError);
    expect(() => flagOptionLayer({ compression: false, acceptEncoding: 'gzip' })).toThrow(
      'give --accept-encoding or --no-compression, not both',
    );
  });

  it('names the flag in a bad value message, as a usage error', () => {
    expect(() => resolveRunOptions([flagOptionLayer({ maxRedirects: '-1' })])).toThrow(
      "--max-redirects: expected a number of redirects (a whole number >= 0), got '-1'",
    );
  });
});

describe('the other layers', () => {
  it('reads the table variables, thresholds split on semicolons', () => {
    const layer = envLayer({ VOLLEY_MAX_REDIRECTS: '3', VOLLEY_THRESHOLDS: 'p95<1s; rps>1', OTHER: 'x' }, 'environment');
    expect(layer).toEqual({
      maxRedirects: { value: '3', origin: 'VOLLEY_MAX_REDIRECTS (environment)' },
      thresholds: { value: ['p95<1s', 'rps>1'], origin: 'VOLLEY_THRESHOLDS (environment)' },
    });
  });

  it("reads a scenario's options at their paths", () => {
    const layer = scenarioOptionLayer(
      { host: 'http://h', load: { users: 3, gracefulStop: '5s' }, http: { timeout: 2, maxRedirects: 0 } },
      'load.ts',
    );
    expect(layer).toEqual({
      host: { value: 'http://h', origin: 'load.ts host' },
      gracefulStopMs: { value: '5s', origin: 'load.ts load.gracefulStop' },
      timeoutMs: { value: 2, origin: 'load.ts http.timeout' },
      maxRedirects: { value: 0, origin: 'load.ts http.maxRedirects' },
    });
  });

  it("reads run()'s options by their run() names", () => {
    const layer = apiOptionLayer({ duration: '10s', maxRedirects: 2, users: undefined });
    expect(layer).toEqual({
      durationMs: { value: '10s', origin: 'run() duration' },
      maxRedirects: { value: 2, origin: 'run() maxRedirects' },
    });
  });

  it('gives every option a schema and a help line', () => {
    for (const [name, spec] of Object.entries(OPTION_TABLE)) {
      expect(spec.help.length, name).toBeGreaterThan(0);
      expect(typeof spec.schema.safeParse, name).toBe('function');
    }
  });
});
