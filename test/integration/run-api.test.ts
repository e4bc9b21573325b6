/**
 * The programmatic `run()`, in this process: the options a test runner needs beyond the load,
 * choosing user classes and watching the service's own process.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { constantPacing, defineScenario, defineUser, run } from '../../src/index.js';
import { type LoopbackServer, startServer } from '../helpers/loopback-server.js';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startServer((_req, res) => res.end('ok'));
});
afterAll(() => server.close());

const Reader = defineUser({
  name: 'Reader',
  wait: constantPacing('20ms'),
  tasks: { read: ({ http }) => http.get('/read') },
});
const Writer = defineUser({
  name: 'Writer',
  wait: constantPacing('20ms'),
  tasks: { write: ({ http }) => http.post('/write', { body: 'x' }) },
});

describe('run()', () => {
  it('runs only the chosen user classes and samples the processes it is given', async () => {
    const scenario = defineScenario({
      users: [Reader, Writer],
      load: { users: 2, duration: '2s' },
      thresholds: ['Reader:count>0', 'targetPeakMemory<100GB'],
    });
    const result = await run(scenario, {
      host: server.url,
      userClasses: ['Writer'],
      monitorPids: [process.pid],
    });
    expect(result.userClasses.map((c) => c.user)).toEqual(['Writer']);
    expect(result.thresholds.map((t) => [t.expression, t.ok])).toEqual([['targetPeakMemory<100GB', true]]);
    expect(result.monitor.targets?.map((t) => t.pid)).toEqual([process.pid]);
    expect(result.monitor.targets?.[0]?.samples.length).toBeGreaterThan(0);
  });

  it('refuses a process that does not exist before it runs anything', async () => {
    const scenario = defineScenario({ users: [Reader], load: { users: 1, duration: '1s' } });
    await expect(run(scenario, { host: server.url, monitorPids: [2147483646] })).rejects.toThrow(
      '--monitor-pid 2147483646: no running process has that pid',
    );
  });
});
