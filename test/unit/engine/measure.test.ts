/**
 * `vu.measure()` and `vu.group()` through a real virtual user and the real recorder, on a clock
 * the test moves by hand: each sample's duration, row, status and error are read back from the
 * recorder's snapshot, and group thresholds from the run aggregate.
 */

import { describe, expect, it } from 'vitest';
import { constant } from '../../../src/api/wait-time.js';
import type { Clock } from '../../../src/core/clock.js';
import { compileClass } from '../../../src/engine/compiled-class.js';
import type { UserClassSpec } from '../../../src/engine/user-class.js';
import { VirtualUser } from '../../../src/engine/virtual-user.js';
import type { TaskFunction } from '../../../src/engine/vu-context.js';
import { decodeHistogram } from '../../../src/metrics/histogram.js';
import { IntervalRecorder } from '../../../src/metrics/interval-recorder.js';
import { RunAggregate } from '../../../src/metrics/run-aggregate.js';
import type { SnapshotEndpoint } from '../../../src/metrics/snapshot.js';
import { HttpClient } from '../../../src/protocols/http/index.js';
import { evaluateThreshold, parseThresholdExpression } from '../../../src/thresholds/index.js';
import { userEnvironment } from '../../helpers/user-environment.js';

/** A clock whose time only moves when the test says so. */
class HandClock implements Clock {
  time = 1000;
  now(): number {
    return this.time;
  }
  sleep(): Promise<void> {
    return Promise.resolve();
  }
}

function setup(...tasks: TaskFunction<object, unknown>[]) {
  const clock = new HandClock();
  const recorder = new IntervalRecorder({ now: () => 0 });
  const spec: UserClassSpec = {
    name: 'Db',
    weight: 1,
    wait: constant(0),
    sequential: true,
    tasks: tasks.map((run, i) => ({ name: `task${i}`, weight: 1, tags: ['t'], run })),
  };
  const compiled = compileClass(spec, '', recorder);
  const http = new HttpClient({ recorder });
  const env = userEnvironment(recorder, clock);
  const user = new VirtualUser(0, compiled, http, env);
  return { clock, recorder, user, http };
}

function row(rows: SnapshotEndpoint[], method: string, name: string): SnapshotEndpoint {
  const found = rows.find((r) => r.key.method === method && r.key.name === name);
  if (found === undefined) throw new Error(`no row ${method} ${name} in ${rows.map((r) => `${r.key.method} ${r.key.name}`).join(', ')}`);
  return found;
}

/** The one recorded duration of a row, ms (HDR keeps 3 significant digits). */
function onlySampleMs(entry: SnapshotEndpoint): number {
  const histogram = decodeHistogram(entry.latency);
  expect(histogram.totalCount).toBe(1);
  return histogram.maxValue / 1000;
}

describe('vu.measure()', () => {
  it('times a synchronous function in a row of its own, typed and upper-cased, and resolves with its result', async () => {
    const seen: unknown[] = [];
    const { clock, recorder, user } = setup(async (vu) => {
      seen.push(
        await vu.measure(
          'db: insert lease',
          () => {
            clock.time += 5;
            return 42;
          },
          { type: 'sql', bytes: 120 },
        ),
      );
    });
    expect(await user.iterate()).toBe(true);
    expect(seen).toEqual([42]);
    const snapshot = recorder.flush(1);
    const entry = row(snapshot.endpoints, 'SQL', 'db: insert lease');
    expect(entry.requests).toBe(1);
    expect(entry.failures).toBe(0);
    expect(entry.bytesIn).toBe(120);
    expect(entry.bytesOut).toBe(0);
    // Not HTTP: no status code and no time to first byte.
    expect(entry.statusCodes).toEqual({});
    expect(entry.ttfb).toBe('');
    expect(entry.key.group).toBeUndefined();
    expect(onlySampleMs(entry)).toBeCloseTo(5, 2);
    expect(snapshot.errors).toEqual([]);
  });

  it('times an async function until it settles; the type defaults to CUSTOM', async () => {
    const { clock, recorder, user } = setup(async (vu) => {
      const value = await vu.measure('publish', async () => {
        await Promise.resolve();
        clock.time += 12;
        return 'sent';
      });
      expect(value).toBe('sent');
    });
    expect(await user.iterate()).toBe(true);
    const entry = row(recorder.flush(1).endpoints, 'CUSTOM', 'publish');
    expect(onlySampleMs(entry)).toBeCloseTo(12, 1);
    expect(entry.failures).toBe(0);
  });

  it('records a synchronous throw as a failed sample with its message, rethrows it, and the task does not count it again', async () => {
    const boom = new Error('duplicate key');
    let caught: unknown;
    const { recorder, user } = setup(async (vu) => {
      try {
        await vu.measure('db: insert', () => {
          throw boom;
        }, { type: 'SQL' });
      } catch (error) {
        caught = error;
        throw error;
      }
    });
    expect(await user.iterate()).toBe(false);
    expect(caught).toBe(boom);
    const snapshot = recorder.flush(1);
    const entry = row(snapshot.endpoints, 'SQL', 'db: insert');
    expect(entry.requests).toBe(1);
    expect(entry.failures).toBe(1);
    expect(entry.statusCodes).toEqual({});
    // Once, under the measure's row: not again as the task's exception.
    expect(snapshot.errors.map((e) => [e.key.method, e.key.name, e.kind, e.message, e.count])).toEqual([
      ['SQL', 'db: insert', 'request', 'duplicate key', 1],
    ]);
  });

  it('records an async rejection the same way', async () => {
    const { clock, recorder, user } = setup(async (vu) => {
      await vu.measure('call vendor', async () => {
        clock.time += 3;
        throw new TypeError('quota exceeded');
      }, { type: 'sdk' });
    });
    expect(await user.iterate()).toBe(false);
    const snapshot = recorder.flush(1);
    const entry = row(snapshot.endpoints, 'SDK', 'call vendor');
    expect(entry.failures).toBe(1);
    expect(onlySampleMs(entry)).toBeCloseTo(3, 1);
    expect(snapshot.errors.map((e) => [e.key.name, e.message, e.count])).toEqual([
      ['call vendor', 'TypeError: quota exceeded', 1],
    ]);
  });

  it('an error the script catches is recorded once, and the task succeeds', async () => {
    const { recorder, user } = setup(async (vu) => {
      await vu.measure('x', () => Promise.reject(new Error('nope'))).catch(() => undefined);
    });
    expect(await user.iterate()).toBe(true);
    const snapshot = recorder.flush(1);
    expect(snapshot.errors.map((e) => [e.key.name, e.message])).toEqual([['x', 'nope']]);
  });

  it('counts from when an open-model iteration was due: the first measure takes the due time, the next does not', async () => {
    const { clock, recorder, user, http } = setup(async (vu) => {
      await vu.measure('first', () => {
        clock.time += 2;
      });
      await vu.measure('second', () => {
        clock.time += 2;
      });
    });
    // Due 30 ms before the user could start it.
    expect(await user.iterate(clock.time - 30)).toBe(true);
    const rows = recorder.flush(1).endpoints;
    expect(onlySampleMs(row(rows, 'CUSTOM', 'first'))).toBeCloseTo(32, 1);
    expect(onlySampleMs(row(rows, 'CUSTOM', 'second'))).toBeCloseTo(2, 2);
    // Used up: a request after it would not be backdated either.
    expect(Number.isNaN(http.dueAt)).toBe(true);
  });

  it('a due time in the future does not shorten the sample', async () => {
    const { clock, recorder, user } = setup(async (vu) => {
      await vu.measure('m', () => {
        clock.time += 4;
      });
    });
    await user.iterate(clock.time + 100);
    expect(onlySampleMs(row(recorder.flush(1).endpoints, 'CUSTOM', 'm'))).toBeCloseTo(4, 2);
  });

  it('resolves each (scope, type, name) to its row once: the same name with another type is another row', async () => {
    const { recorder, user } = setup(async (vu) => {
      for (let i = 0; i < 3; i++) await vu.measure('q', () => i, { type: 'sql' });
      await vu.measure('q', () => 0, { type: 'SQL' });
      await vu.measure('q', () => 0, { type: 'queue' });
    });
    await user.iterate();
    const rows = recorder.flush(1).endpoints;
    expect(rows.map((r) => [r.key.method, r.key.name, r.requests])).toEqual([
      ['SQL', 'q', 4],
      ['QUEUE', 'q', 1],
    ]);
  });

  it('rejects a bad name, type or bytes before timing anything', async () => {
    let timed = 0;
    const fn = () => timed++;
    const { recorder, user } = setup((vu) => {
      expect(() => vu.measure('', fn)).toThrow(/name must be a non-empty string/);
      expect(() => vu.measure('x', fn, { type: ' ' })).toThrow(/type must be a non-empty string/);
      expect(() => vu.measure('x', fn, { bytes: -1 })).toThrow(/bytes must be a number >= 0/);
    });
    expect(await user.iterate()).toBe(true);
    expect(timed).toBe(0);
    expect(recorder.flush(1).endpoints).toEqual([]);
  });
});

describe('vu.group()', () => {
  it('records the group as a GROUP row and what runs inside it in rows of the group, nested groups joined with ›', async () => {
    const { clock, recorder, user } = setup(async (vu) => {
      await vu.measure('lookup', () => 1, { type: 'sql' });
      const paid = await vu.group('checkout', async () => {
        await vu.measure('lookup', () => {
          clock.time += 1;
        }, { type: 'sql' });
        return vu.group('pay', async () => {
          await vu.measure('charge', () => {
            clock.time += 10;
          }, { type: 'sdk' });
          return 'paid';
        });
      });
      expect(paid).toBe('paid');
    });
    expect(await user.iterate()).toBe(true);
    const rows = recorder.flush(1).endpoints;
    expect(rows.map((r) => [r.key.method, r.key.name, r.key.group ?? null, r.requests])).toEqual([
      ['SQL', 'lookup', null, 1],
      ['GROUP', 'checkout', null, 1],
      ['SQL', 'checkout › lookup', 'checkout', 1],
      ['GROUP', 'checkout › pay', 'checkout', 1],
      ['SDK', 'checkout › pay › charge', 'checkout › pay', 1],
    ]);
    expect(onlySampleMs(row(rows, 'GROUP', 'checkout'))).toBeCloseTo(11, 1);
    expect(onlySampleMs(row(rows, 'GROUP', 'checkout › pay'))).toBeCloseTo(10, 1);
    for (const entry of rows) expect(entry.statusCodes).toEqual({});
  });

  it('a throw inside marks the group failed (and its enclosing groups), records the message once, and rethrows', async () => {
    const { recorder, user } = setup(async (vu) => {
      await vu.group('checkout', () =>
        vu.group('pay', () => {
          throw new Error('card declined');
        }),
      );
    });
    expect(await user.iterate()).toBe(false);
    const snapshot = recorder.flush(1);
    expect(snapshot.endpoints.map((r) => [r.key.name, r.requests, r.failures])).toEqual([
      ['checkout', 1, 1],
      ['checkout › pay', 1, 1],
    ]);
    expect(snapshot.errors.map((e) => [e.key.method, e.key.name, e.message, e.count])).toEqual([
      ['GROUP', 'checkout › pay', 'card declined', 1],
    ]);
  });

  it('a failed measure inside a group keeps its message on its own row; the group counts a failure only', async () => {
    const { recorder, user } = setup(async (vu) => {
      await vu.group('checkout', () => vu.measure('db', () => Promise.reject(new Error('deadlock')), { type: 'sql' }));
    });
    await user.iterate();
    const snapshot = recorder.flush(1);
    expect(row(snapshot.endpoints, 'GROUP', 'checkout').failures).toBe(1);
    expect(snapshot.errors.map((e) => [e.key.method, e.key.name, e.message])).toEqual([
      ['SQL', 'checkout › db', 'deadlock'],
    ]);
  });

  it('counts from when the iteration was due, and leaves the due time to the first request or measure inside', async () => {
    const { clock, recorder, user } = setup(async (vu) => {
      await vu.group('flow', async () => {
        await vu.measure('first', () => {
          clock.time += 2;
        });
        await vu.measure('second', () => {
          clock.time += 3;
        });
      });
    });
    await user.iterate(clock.time - 20);
    const rows = recorder.flush(1).endpoints;
    expect(onlySampleMs(row(rows, 'GROUP', 'flow'))).toBeCloseTo(25, 1);
    expect(onlySampleMs(row(rows, 'CUSTOM', 'flow › first'))).toBeCloseTo(22, 1);
    expect(onlySampleMs(row(rows, 'CUSTOM', 'flow › second'))).toBeCloseTo(3, 2);
  });

  it('gives the task its own scope back after the group, even when it threw', async () => {
    const { recorder, user, http } = setup(async (vu) => {
      const before = http.scope;
      await vu.group('g', () => Promise.reject(new Error('x'))).catch(() => undefined);
      expect(http.scope).toBe(before);
      await vu.measure('after', () => 1);
    });
    expect(await user.iterate()).toBe(true);
    expect(row(recorder.flush(1).endpoints, 'CUSTOM', 'after').key.group).toBeUndefined();
  });

  it('group= in a threshold selects the calls inside the group and its nested groups, not the GROUP rows that time them', async () => {
    const { clock, recorder, user } = setup(async (vu) => {
      await vu.measure('outside', () => {
        clock.time += 500;
      });
      await vu.group('checkout', async () => {
        await vu.measure('cart', () => {
          clock.time += 10;
        });
        await vu.group('pay', () =>
          vu.measure('charge', () => {
            clock.time += 30;
          }),
        );
      });
      await vu.group('checkout-v2', () =>
        vu.measure('cart', () => {
          clock.time += 900;
        }),
      );
    });
    await user.iterate();
    const aggregate = new RunAggregate();
    aggregate.add(recorder.flush(1));
    const judge = (expression: string) => evaluateThreshold(parseThresholdExpression(expression), aggregate);
    // checkout › cart (10 ms) and checkout › pay › charge (30 ms); the GROUP row checkout › pay
    // times charge again, so it counts only where a selector names it (method=GROUP).
    expect(judge('group=checkout:count==2').ok).toBe(true);
    expect(judge('group=checkout:max<50ms').ok).toBe(true);
    expect(judge('group=checkout › pay:count==1').ok).toBe(true);
    expect(judge('group=checkout,method=GROUP:count==1').ok).toBe(true);
    // The whole flow is its GROUP row, by name.
    expect(judge('name=checkout:p95<20ms').ok).toBe(false);
    expect(judge('name=GROUP checkout:min>=40ms').ok).toBe(true);
    expect(judge('group=nowhere:p95<1s').ok).toBe(false);
    // A measure row by name, with ':' and spaces in the name.
    expect(judge('name=checkout › pay › charge:p95<20ms').ok).toBe(false);
    // Totals count the four measures once; the three GROUP rows are listed but not added in.
    const measured = aggregate.measured(0, 1000);
    expect(measured.totals.requests).toBe(4);
    expect(measured.endpoints.filter((e) => e.method === 'GROUP')).toHaveLength(3);
    expect(judge('count==4').ok).toBe(true);
  });
});
