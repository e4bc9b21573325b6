/**
 * A virtual user's open-model iteration (`iterateThen`): the pool's handler hears of it, with the
 * user, once the task has settled and the iteration is counted, whether the task resolved later,
 * returned at once, threw, or rejected; a failure is recorded against the task, once.
 */

import { describe, expect, it } from 'vitest';
import { constant } from '../../../src/api/wait-time.js';
import { compileClass } from '../../../src/engine/compiled-class.js';
import type { UserClassSpec } from '../../../src/engine/user-class.js';
import { VirtualUser } from '../../../src/engine/virtual-user.js';
import type { TaskFunction } from '../../../src/engine/vu-context.js';
import { HttpClient } from '../../../src/protocols/http/index.js';
import { CountingRecorder } from './counting-recorder.js';
import { userEnvironment } from '../../helpers/user-environment.js';
import { settle } from './virtual-clock.js';

function openUser(task: TaskFunction<object, unknown>) {
  const recorder = new CountingRecorder();
  const spec: UserClassSpec = {
    name: 'Open',
    weight: 1,
    wait: constant(0),
    sequential: true,
    tasks: [{ name: 'step', weight: 1, tags: [], run: task }],
  };
  const env = userEnvironment(recorder);
  const user = new VirtualUser(0, compileClass(spec, '', recorder), new HttpClient({ recorder }), env);
  const done: { user: VirtualUser; iterations: number }[] = [];
  const iterate = (): void => user.iterateThen(Number.NaN, (settled) => done.push({ user: settled, iterations: recorder.iterations }));
  return { recorder, user, done, iterate };
}

describe('VirtualUser.iterateThen', () => {
  it('tells the pool once an asynchronous task has settled, after counting the iteration', async () => {
    let finish: () => void = () => undefined;
    const { recorder, user, done, iterate } = openUser(
      () =>
        new Promise<void>((resolve) => {
          finish = resolve;
        }),
    );
    iterate();
    await settle();
    expect(done).toEqual([]);
    expect(recorder.iterations).toBe(0);
    finish();
    await settle();
    expect(done).toEqual([{ user, iterations: 1 }]);
    iterate();
    finish();
    await settle();
    expect(done.map((d) => d.iterations)).toEqual([1, 2]);
    expect(recorder.errors).toEqual([]);
  });

  it('tells the pool at once when the task returns at once', () => {
    const { user, done, iterate } = openUser(() => undefined);
    iterate();
    expect(done).toEqual([{ user, iterations: 1 }]);
  });

  it('records a task that throws, or rejects, against the task, once, and still frees the user', async () => {
    const thrown = openUser(() => {
      throw new Error('bad script');
    });
    thrown.iterate();
    expect(thrown.done).toEqual([{ user: thrown.user, iterations: 1 }]);
    expect(thrown.recorder.errors).toEqual([{ row: expect.stringContaining('step') as unknown, kind: 'task', message: expect.stringContaining('bad script') as unknown }]);

    const rejected = openUser(() => Promise.reject(new Error('bad answer')));
    rejected.iterate();
    await settle();
    expect(rejected.done).toEqual([{ user: rejected.user, iterations: 1 }]);
    expect(rejected.recorder.errors).toHaveLength(1);
    expect(rejected.recorder.errors[0]?.message).toContain('bad answer');
  });
});
