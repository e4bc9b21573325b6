import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/config-file.js';
import { VolleyError } from '../../../src/errors.js';

describe('parseConfig', () => {
  it('maps option keys to options, naming the file as their origin, and reads profiles', () => {
    const config = parseConfig(
      {
        options: { runTime: '30s', users: 4 },
        profiles: { smoke: { users: 2, spawnRate: 1, duration: '10s' } },
      },
      '/p/volley.config.json',
    );
    expect(config.layer.durationMs).toEqual({
      value: '30s',
      origin: '/p/volley.config.json options.runTime',
    });
    expect(config.layer.users?.value).toBe(4);
    expect(config.profiles.smoke).toEqual({ users: 2, spawnRate: 1, duration: '10s' });
  });

  it('reads a profile\'s own thresholds and refuses a key it does not know', () => {
    const config = parseConfig(
      { profiles: { full: { users: 50, spawnRate: 5, duration: '5m', thresholds: ['rps>=200/s'] } } },
      'c.json',
    );
    expect(config.profiles.full?.thresholds).toEqual(['rps>=200/s']);
    expect(() =>
      parseConfig({ profiles: { full: { users: 50, spawnRate: 5, duration: '5m', treshold: ['x'] } } }, 'c.json'),
    ).toThrow('c.json: profiles.full.treshold: unknown key (known: users, spawnRate, duration, thresholds)');
    expect(() =>
      parseConfig({ profiles: { full: { users: 50, spawnRate: 5, duration: '5m', thresholds: 'p95<1s' } } }, 'c.json'),
    ).toThrow("c.json: profiles.full.thresholds: expected a list of expressions like 'p95<300ms'");
  });

  it('lists every problem at once', () => {
    try {
      parseConfig({ options: { userz: 1 }, profiles: { bad: { users: 'x' } }, extra: 1 }, 'c.json');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(VolleyError);
      const details = (error as VolleyError).details;
      expect(details).toHaveLength(3);
      expect(details.join('\n')).toContain("unknown key 'extra'");
      expect(details.join('\n')).toContain('options.userz: unknown option');
      expect(details.join('\n')).toContain('profiles.bad: expected');
    }
  });
});
