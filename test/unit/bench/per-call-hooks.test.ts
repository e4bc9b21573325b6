import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { type BenchOptions, bench } from '../../../src/api/bench.js';
import { resultFailures } from '../../../src/bench/failures.js';
import { runBench } from '../../../src/bench/run-bench.js';
import { isVolleyError } from '../../../src/errors.js';
import { completed, VirtualClock } from './bench-fixtures.js';

/** A macrotask: anything not awaited would visibly run out of order. */
const nextTick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

type Kind = 'sync' | 'async';

/** A hook logging its start and end; the async one ends a macrotask later. */
function loggingHook(name: string, kind: Kind, events: string[]): () => unknown {
  if (kind === 'sync') {
    return () => {
      events.push(`${name}:start`, `${name}:end`);
    };
  }
  return async () => {
    events.push(`${name}:start`);
    await nextTick();
    events.push(`${name}:end`);
  };
}

function loggingFn(kind: Kind, events: string[]): () => unknown {
  if (kind === 'sync') {
    return () => {
      events.push('fn:start', 'fn:end');
    };
  }
  return async () => {
    events.push('fn:start');
    await nextTick();
    events.push('fn:end');
  };
}

const ONE_CALL = [
  'beforeEach:start',
  'beforeEach:end',
  'fn:start',
  'fn:end',
  'afterEach:start',
  'afterEach:end',
];

describe('beforeEach/afterEach: order', () => {
  const cases: [Kind, Kind][] = [
    ['sync', 'sync'],
    ['sync', 'async'],
    ['async', 'sync'],
    ['async', 'async'],
  ];
  it.each(cases)('%s fn, %s hooks: beforeEach → fn → afterEach around every call', async (fnKind, hookKind) => {
    const events: string[] = [];
    const result = completed(
      await runBench(
        bench('ordered', loggingFn(fnKind, events), {
          iterations: 4,
          warmup: 2,
          beforeEach: loggingHook('beforeEach', hookKind, events),
          afterEach: loggingHook('afterEach', hookKind, events),
        }),
      ),
    );
    // The probe, 2 warm-up calls and 4 measured ones, each wrapped; calibration calls no hook.
    expect(events).toEqual(new Array<string[]>(1 + 2 + 4).fill(ONE_CALL).flat());
    expect(result.warmupCalls).toBe(2);
    expect(result.stats.count).toBe(4);
    // The hooks do not change how the function itself is called.
    expect(result.mode).toBe(fnKind);
  });

  it('runs one hook alone when only one is given', async () => {
    const events: string[] = [];
    await runBench(
      bench('before only', loggingFn('sync', events), {
        iterations: 2,
        warmup: 0,
        beforeEach: loggingHook('beforeEach', 'async', events),
      }),
    );
    expect(events).toEqual(
      new Array<string[]>(3).fill(['beforeEach:start', 'beforeEach:end', 'fn:start', 'fn:end']).flat(),
    );
  });

  it('never awaits a synchronous function, even between awaited hooks', async () => {
    const events: string[] = [];
    await runBench(
      bench(
        'sync fn',
        () => {
          events.push('fn');
          void Promise.resolve().then(() => events.push('fn microtask'));
        },
        {
          iterations: 2,
          warmup: 0,
          afterEach: async () => {
            events.push('afterEach');
            await nextTick();
          },
        },
      ),
    );
    // Awaiting the function would have run its microtask before afterEach started.
    expect(events).toEqual(new Array<string[]>(3).fill(['fn', 'afterEach', 'fn microtask']).flat());
  });

  it('with synchronous hooks and function, the loop never yields', async () => {
    let calls = 0;
    const seenByMicrotasks: number[] = [];
    await runBench(
      bench(
        'no yield',
        () => {
          calls++;
          void Promise.resolve().then(() => seenByMicrotasks.push(calls));
        },
        { iterations: 30, warmup: 0, beforeEach: () => {}, afterEach: () => {} },
      ),
    );
    // The probe's microtask ran before the loop; all 30 queued by the loop ran after it ended.
    expect(seenByMicrotasks.slice(1)).toEqual(new Array(30).fill(31));
  });
});

describe('beforeEach/afterEach: outside the timed span', () => {
  function hookedOn(clock: VirtualClock, options: BenchOptions): ReturnType<typeof bench> {
    return bench(
      'recovery',
      () => {
        clock.ms += 1;
      },
      {
        beforeEach: () => {
          clock.ms += 20;
        },
        afterEach: () => {
          clock.ms += 20;
        },
        ...options,
      },
    );
  }

  it('times only the function: hooks advancing the clock 20 ms each do not show', async () => {
    const clock = new VirtualClock();
    const result = completed(await runBench(hookedOn(clock, { iterations: 5, warmup: 1 }), { clock }));
    expect(result.stats).toMatchObject({ count: 5, mean: 1, min: 1, max: 1, totalMs: 5 });
    // Calibration ran the loop with no-op hooks, not these: nothing moved the clock then.
    expect(result.overheadNs).toBe(0);
  });

  it('counts the hooks against a time budget: no call starts after the deadline', async () => {
    const clock = new VirtualClock();
    // Each call spans 41 ms from beforeEach to afterEach: the second ends at +82 ms, past the
    // deadline, though its function ended at +62.
    const result = completed(await runBench(hookedOn(clock, { time: '70ms', warmup: 0 }), { clock }));
    expect(result.stats.count).toBe(2);
  });

  it('on the real clock: hooks sleeping 20 ms leave a mean under 5 ms', async () => {
    let hookCalls = 0;
    const pause = async (): Promise<void> => {
      hookCalls++;
      await sleep(20);
    };
    const result = completed(
      await runBench(bench('cheap', () => {}, { iterations: 5, warmup: 0, beforeEach: pause, afterEach: pause })),
    );
    expect(hookCalls).toBe(2 * (1 + 5));
    expect(result.stats.count).toBe(5);
    expect(result.stats.mean).toBeLessThan(5);
  });
});

describe('beforeEach/afterEach: limits', () => {
  it('stops at an abort signal between calls, after afterEach', async () => {
    const controller = new AbortController();
    let afterCalls = 0;
    const result = completed(
      await runBench(
        bench('aborted', () => {}, {
          iterations: 100,
          warmup: 0,
          afterEach: async () => {
            await nextTick();
            // The probe's afterEach is the first; abort after the third measured call.
            if (++afterCalls === 4) controller.abort();
          },
        }),
        { signal: controller.signal },
      ),
    );
    expect(result.stats.count).toBe(3);
    expect(afterCalls).toBe(4);
  });
});

describe('beforeEach/afterEach: failures', () => {
  it('a throwing beforeEach fails the benchmark, naming the hook and the benchmark', async () => {
    let hookCalls = 0;
    let fnCalls = 0;
    const events: string[] = [];
    const result = await runBench(
      bench(
        'recovery',
        () => {
          fnCalls++;
        },
        {
          iterations: 10,
          warmup: 0,
          beforeEach: () => {
            // The probe's is the first call: fail before the fourth measured call.
            if (++hookCalls === 5) throw new TypeError('cannot inject the fault');
          },
          teardown: () => {
            events.push('teardown');
          },
        },
      ),
    );
    expect(result).toMatchObject({
      state: 'errored',
      phase: 'measure',
      completedCalls: 3,
      error: { name: 'TypeError', message: 'beforeEach failed: cannot inject the fault' },
    });
    if (result.state !== 'errored') return;
    expect(result.error.stack).toContain('cannot inject the fault');
    expect(fnCalls).toBe(1 + 3);
    expect(events).toEqual(['teardown']);
    expect(resultFailures(result)).toEqual([
      "bench 'recovery': TypeError: beforeEach failed: cannot inject the fault (in measure)",
    ]);
  });

  it('a rejecting afterEach fails the benchmark, naming the hook', async () => {
    let hookCalls = 0;
    const result = await runBench(
      bench('cleanup', () => Promise.resolve(), {
        iterations: 10,
        warmup: 5,
        afterEach: async () => {
          await nextTick();
          if (++hookCalls === 3) throw new Error('restore failed');
        },
      }),
    );
    expect(result).toMatchObject({
      state: 'errored',
      phase: 'warmup',
      error: { name: 'Error', message: 'afterEach failed: restore failed' },
    });
  });

  it('a hook failing around the probe stops before any measurement', async () => {
    let fnCalls = 0;
    const result = await runBench(
      bench(
        'first call',
        () => {
          fnCalls++;
        },
        {
          beforeEach: () => {
            throw 'not ready';  
          },
        },
      ),
    );
    expect(result).toMatchObject({
      state: 'errored',
      phase: 'probe',
      completedCalls: 0,
      error: { name: 'string', message: 'beforeEach failed: not ready' },
    });
    expect(fnCalls).toBe(0);
  });

  it('a throwing function is reported as the function, and gets no afterEach', async () => {
    let fnCalls = 0;
    let afterCalls = 0;
    const result = await runBench(
      bench(
        'breaks',
        () => {
          if (++fnCalls === 3) throw new Error('boom');
        },
        {
          iterations: 10,
          warmup: 0,
          afterEach: () => {
            afterCalls++;
          },
        },
      ),
    );
    expect(result).toMatchObject({ state: 'errored', phase: 'measure', error: { message: 'boom' } });
    expect(afterCalls).toBe(2);
  });

  it('rejects hooks that are not functions, naming each option, before running anything', async () => {
    let called = false;
    const definition = bench(
      'bad hooks',
      () => {
        called = true;
      },
      // As plain JavaScript could write it.
      { beforeEach: 'reset', afterEach: null } as unknown as BenchOptions,
    );
    const error = await runBench(definition).catch((e: unknown) => e);
    expect(isVolleyError(error)).toBe(true);
    if (!isVolleyError(error)) return;
    expect(error.code).toBe('VOLLEY_E_CONFIG');
    expect(error.details).toEqual([
      "bench 'bad hooks': beforeEach must be a function, got string",
      "bench 'bad hooks': afterEach must be a function, got null",
    ]);
    expect(called).toBe(false);
  });
});
