/**
 * compileUserClasses: user classes named after their exports (unless they say `name`), tasks
 * normalized from a list or an object, `--tags` / `--exclude-tags`, and every problem of a
 * scenario collected into one VolleyError.
 */

import { describe, expect, it } from 'vitest';
import { defineScenario, defineUser } from '../../../src/api/define.js';
import { between, constant } from '../../../src/api/wait-time.js';
import { Random } from '../../../src/core/random.js';
import type { UserClassSpec } from '../../../src/engine/user-class.js';
import { isVolleyError, type VolleyError } from '../../../src/errors.js';
import { compileUserClasses, exportNames, type TagFilter } from '../../../src/engine/compile-scenario.js';

const NO_TAGS: TagFilter = { tags: [], excludeTags: [] };
const noop = (): void => {};
const task = { run: noop };

function compile(users: readonly unknown[], exports: Record<string, unknown> = {}, filter = NO_TAGS) {
  const scenario = defineScenario({ users: users as never });
  return compileUserClasses(scenario, exportNames(exports), filter, 'load/test.ts');
}

function failure(run: () => unknown): VolleyError {
  try {
    run();
  } catch (error) {
    if (isVolleyError(error)) return error;
    throw error;
  }
  throw new Error('expected a VolleyError');
}

const summary = (classes: UserClassSpec[]) =>
  classes.map((c) => ({ name: c.name, tasks: c.tasks.map((t) => [t.name, t.weight, [...t.tags]]) }));

describe('compileUserClasses: names', () => {
  it('names classes after their exports, ignoring the default export', () => {
    const Auth = defineUser({ tasks: [task] });
    const Pay = defineUser({ tasks: [task] });
    const scenario = defineScenario({ users: [Auth, Pay] });
    const exports = { default: scenario, AuthUser: Auth, PaymentUser: Pay, helper: 42 };
    expect(exportNames(exports)).toEqual(
      new Map<unknown, string>([
        [Auth, 'AuthUser'],
        [Pay, 'PaymentUser'],
      ]),
    );
    expect(compile([Auth, Pay], exports).map((c) => c.name)).toEqual(['AuthUser', 'PaymentUser']);
  });

  it('lets `name` win over the export name', () => {
    const Auth = defineUser({ name: 'Login', tasks: [task] });
    expect(compile([Auth], { AuthUser: Auth }).map((c) => c.name)).toEqual(['Login']);
  });

  it('keeps the first export name of a class exported twice', () => {
    const Auth = defineUser({ tasks: [task] });
    expect(compile([Auth], { First: Auth, Second: Auth }).map((c) => c.name)).toEqual(['First']);
  });

  it('falls back to User<N> for classes neither named nor exported', () => {
    const a = defineUser({ tasks: [task] });
    const b = defineUser({ tasks: [task] });
    expect(compile([a, b]).map((c) => c.name)).toEqual(['User1', 'User2']);
  });
});

describe('compileUserClasses: tasks and defaults', () => {
  it('normalizes a list of tasks: names task<N>, weight 1, no tags, unless given', () => {
    const run = async (): Promise<void> => {};
    const U = defineUser({
      // A bare function in the list is accepted at run time, though the types ask for { run }.
      tasks: [run as never, { run, weight: 3, tags: ['smoke'] }, { name: 'login', run, weight: 0 }],
    });
    const [compiled] = compile([U], { U });
    expect(summary([compiled!])).toEqual([
      {
        name: 'U',
        tasks: [
          ['task1', 1, []],
          ['task2', 3, ['smoke']],
          ['login', 0, []],
        ],
      },
    ]);
    expect(compiled!.tasks.every((t) => t.run === run)).toBe(true);
  });

  it('normalizes an object of tasks: keys are names, values functions or task objects', () => {
    const browse = (): void => {};
    const buy = (): void => {};
    const U = defineUser({ tasks: { browse, buy: { run: buy, weight: 2, tags: ['money'] } } });
    const [compiled] = compile([U], { U });
    expect(summary([compiled!])[0]!.tasks).toEqual([
      ['browse', 1, []],
      ['buy', 2, ['money']],
    ]);
    expect(compiled!.tasks.map((t) => t.run)).toEqual([browse, buy]);
  });

  it('fills class defaults: weight 1, constant(0) wait, not sequential', () => {
    const onStart = (): void => {};
    const U = defineUser({ tasks: [task], onStart });
    const [compiled] = compile([U], { U });
    expect(compiled).toMatchObject({
      weight: 1,
      sequential: false,
      host: undefined,
      fixedCount: undefined,
      onStart,
    });
    expect(compiled!.wait.description).toBe('constant(0)');
    expect(compiled!.wait.next(5, new Random(1))).toBe(0);
  });

  it('keeps what the class sets', () => {
    const wait = between('1s', '2s');
    const U = defineUser({
      weight: 3,
      fixedCount: 2,
      wait,
      sequential: true,
      host: 'http://127.0.0.1:9',
      tasks: [task],
    });
    expect(compile([U], { U })[0]).toMatchObject({
      weight: 3,
      fixedCount: 2,
      wait,
      sequential: true,
      host: 'http://127.0.0.1:9',
    });
  });

  it('allows all-zero task weights for a sequential class', () => {
    const U = defineUser({ sequential: true, tasks: [{ run: noop, weight: 0 }] });
    expect(compile([U], { U })).toHaveLength(1);
  });
});

describe('compileUserClasses: tag filters', () => {
  const run = (): void => {};
  const Reader = defineUser({
    tasks: [
      { name: 'list', run, tags: ['smoke', 'read'] },
      { name: 'detail', run, tags: ['read'] },
      { name: 'ping', run },
    ],
  });
  const Writer = defineUser({ tasks: [{ name: 'write', run, tags: ['write'] }] });
  const exports = { Reader, Writer };

  it('keeps only tasks with one of --tags, and drops classes left with none', () => {
    expect(summary(compile([Reader, Writer], exports, { tags: ['smoke'], excludeTags: [] }))).toEqual([
      { name: 'Reader', tasks: [['list', 1, ['smoke', 'read']]] },
    ]);
    expect(
      summary(compile([Reader, Writer], exports, { tags: ['smoke', 'write'], excludeTags: [] })).map((c) => [
        c.name,
        c.tasks.map((t) => t[0]),
      ]),
    ).toEqual([
      ['Reader', ['list']],
      ['Writer', ['write']],
    ]);
  });

  it('drops tasks with any of --exclude-tags, keeping untagged ones', () => {
    expect(
      summary(compile([Reader, Writer], exports, { tags: [], excludeTags: ['read'] })).map((c) => [
        c.name,
        c.tasks.map((t) => t[0]),
      ]),
    ).toEqual([
      ['Reader', ['ping']],
      ['Writer', ['write']],
    ]);
  });

  it('applies both: tagged in, then excluded out', () => {
    expect(
      summary(compile([Reader, Writer], exports, { tags: ['read'], excludeTags: ['smoke'] })).map((c) => [
        c.name,
        c.tasks.map((t) => t[0]),
      ]),
    ).toEqual([['Reader', ['detail']]]);
  });

  it('reports a filter that leaves nothing to run', () => {
    const error = failure(() =>
      compile([Reader, Writer], exports, { tags: ['nope'], excludeTags: ['read'] }),
    );
    expect(error.code).toBe('VOLLEY_E_SCENARIO');
    expect(error.details).toEqual(['no task is left to run after --tags nope --exclude-tags read']);
    expect(error.message).toBe('load/test.ts: no task is left to run after --tags nope --exclude-tags read');
  });
});

describe('compileUserClasses: validation', () => {
  it('rejects a scenario without users at once', () => {
    const error = failure(() => compile([]));
    expect(error.code).toBe('VOLLEY_E_SCENARIO');
    expect(error.message).toBe('load/test.ts: the scenario has no users (users: [MyUser, …])');
  });

  it('collects every problem into one error', () => {
    const good = defineUser({ tasks: [task] });
    const twin = defineUser({ name: 'Good', tasks: [task] });
    const users = [
      good,
      twin,
      { tasks: [task] }, // not made with defineUser
      defineUser({ name: 'Heavy', weight: -1, tasks: [task] }),
      defineUser({ name: 'Fixed', fixedCount: 1.5, tasks: [task] }),
      defineUser({ name: 'Hooks', onStart: 'start' as never, onStop: 3 as never, tasks: [task] }),
      defineUser({ name: 'Waits', wait: { description: 'x' } as never, tasks: [task] }),
      defineUser({ name: 'Empty', tasks: [] }),
      defineUser({ name: 'EmptyObject', tasks: {} }),
      defineUser({
        name: 'BadTasks',
        tasks: [
          { name: 'noRun' } as never,
          { run: noop, weight: -2 },
          { run: noop, weight: '2' as never },
          { run: noop, tags: ['ok', 3] as never },
          null as never,
        ],
      }),
      defineUser({ name: 'Zeros', tasks: { a: { run: noop, weight: 0 }, b: { run: noop, weight: 0 } } }),
      defineUser({ name: 'NaN', weight: Number.NaN, tasks: [task] }),
    ];
    const error = failure(() => compile(users, { Good: good }));
    expect(error.code).toBe('VOLLEY_E_SCENARIO');
    expect(error.location).toEqual({ file: 'load/test.ts' });
    const details = [
      'user Good: two user classes share this name',
      'users[2] is not a user class made with defineUser()',
      'user Heavy: weight must be a number >= 0, got -1',
      'user Fixed: fixedCount must be a whole number >= 0, got 1.5',
      'user Hooks: onStart must be a function',
      'user Hooks: onStop must be a function',
      'user Waits: wait must come from between(), constant(), constantPacing() or constantThroughput()',
      'user Empty: tasks must be a non-empty list or object of tasks',
      'user EmptyObject: tasks must be a non-empty list or object of tasks',
      'user BadTasks: tasks[0] needs a run function',
      'user BadTasks: tasks[1]: weight must be a number >= 0, got -2',
      'user BadTasks: tasks[2]: weight must be a number >= 0, got 2',
      'user BadTasks: tasks[3]: tags must be a list of strings',
      'user BadTasks: tasks[4] needs a run function',
      'user Zeros: at least one task needs a weight above 0',
      'user NaN: weight must be a number >= 0, got NaN',
    ];
    expect(error.details).toEqual(details);
    expect(error.message).toBe(details.map((d) => `load/test.ts: ${d}`).join('\n'));
  });

  it('rejects a scenario whose classes all have weight 0 and no fixedCount', () => {
    const A = defineUser({ weight: 0, tasks: [task] });
    const B = defineUser({ weight: 0, tasks: [task] });
    expect(failure(() => compile([A, B], { A, B })).code).toBe('VOLLEY_E_SCENARIO');
  });

  it('accepts the helpers’ wait times', () => {
    const U = defineUser({ wait: constant('1s'), tasks: [task] });
    expect(compile([U], { U })[0]!.wait.next(0, new Random(1))).toBe(1000);
  });
});

describe('declaredNameTags', () => {
  it('tags each top-level defineUser declaration with its variable name, and nothing else', async () => {
    const { declaredNameTags } = await import('../../../src/runner/declared-names.js');
    const source = [
      "export const Shopper = defineUser({ tasks: [] });",
      'const Seller: DefinedUser = defineUser<State>({ tasks: [] });',
      '  const Inner = defineUser({ tasks: [] });',
      'const helper = other();',
    ].join('\n');
    const tags = declaredNameTags(source);
    expect(tags).toContain('"Shopper"');
    expect(tags).toContain('"Seller"');
    expect(tags).not.toContain('Inner');
    expect(tags).not.toContain('helper');
    const Shopper = defineUser({ tasks: [task] });
    new Function('Shopper', 'Seller', tags)(Shopper, undefined);
    expect(compile([Shopper]).map((c) => c.name)).toEqual(['Shopper']);
  });
});
