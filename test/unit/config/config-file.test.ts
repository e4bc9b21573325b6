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
