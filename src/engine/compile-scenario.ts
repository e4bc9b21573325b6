/**
 * Turns what a scenario file exported into what the engine runs: user classes named (after their
 * export, or the variable they were declared in, when they have no `name`), tasks normalized and
 * filtered by `--tags` / `--exclude-tags`, every weight and hook checked. All problems are
 * collected into one error, because a user fixing a scenario wants the whole list, not one
 * complaint per run.
 */

import {
  type DefinedUser,
  isDefinedUser,
  type ScenarioDefinition,
  type UserDefinition,
} from './scenario-definition.js';
import { constant } from './wait-time.js';
import type { TaskSpec, UserClassSpec } from './user-class.js';
import type { TaskFunction } from './vu-context.js';
import { VolleyError } from '../errors.js';
import { declaredName } from './declared-name.js';

export interface TagFilter {
  tags: readonly string[];
  excludeTags: readonly string[];
  /** Only these user classes (empty or absent: all). */
  userClasses?: readonly string[];
}

type LooseUser = UserDefinition<object, unknown> & DefinedUser;

/** Names user classes after the exports that hold them (`export const AuthUser = defineUser(…)`). */
export function exportNames(exports: Record<string, unknown>): Map<unknown, string> {
  const names = new Map<unknown, string>();
  for (const [name, value] of Object.entries(exports)) {
    if (name !== 'default' && isDefinedUser(value) && !names.has(value)) names.set(value, name);
  }
  return names;
}

function className(user: LooseUser, names: ReadonlyMap<unknown, string>, index: number): string {
  return user.name ?? names.get(user) ?? declaredName(user) ?? `User${index + 1}`;
}

/** The names of a list of user classes, as the run will call them. */
export function userClassNames(users: readonly unknown[] | undefined, names: ReadonlyMap<unknown, string>): string[] {
  return (users ?? []).flatMap((user, index) =>
    isDefinedUser(user) ? [className(user as LooseUser, names, index)] : [],
  );
}

export function compileUserClasses(
  scenario: ScenarioDefinition<unknown>,
  names: ReadonlyMap<unknown, string>,
  filter: TagFilter,
  origin: string,
): UserClassSpec[] {
  const problems: string[] = [];
  if (!Array.isArray(scenario.users) || scenario.users.length === 0) {
    throw new VolleyError('VOLLEY_E_SCENARIO', `${origin}: the scenario has no users (users: [MyUser, …])`);
  }
  const classes: UserClassSpec[] = [];
  const seen = new Set<string>();
  scenario.users.forEach((defined, index) => {
    const spec = compileClass(defined as LooseUser, index, { names, filter, seen, problems });
    if (spec !== undefined) classes.push(spec);
  });
  if (classes.length > 0 && classes.every((c) => c.weight === 0 && c.fixedCount === undefined)) {
    problems.push('every user class has weight 0: give at least one a weight above 0 or a fixedCount');
  }
  if (problems.length === 0 && classes.length === 0) {
    const tagText = [
      filter.tags.length > 0 ? `--tags ${filter.tags.join(',')}` : '',
      filter.excludeTags.length > 0 ? `--exclude-tags ${filter.excludeTags.join(',')}` : '',
    ]
      .filter((s) => s !== '')
      .join(' ');
    problems.push(`no task is left to run${tagText === '' ? '' : ` after ${tagText}`}`);
  }
  if (problems.length > 0) {
    throw new VolleyError('VOLLEY_E_SCENARIO', `${origin}: ${problems.join(`\n${origin}: `)}`, {
      details: problems,
      location: { file: origin },
    });
  }
  return classes;
}

interface ClassContext {
  names: ReadonlyMap<unknown, string>;
  filter: TagFilter;
  /** Names taken so far: two classes must not share one. */
  seen: Set<string>;
  problems: string[];
}

/** One user class, checked (its problems recorded); undefined when left out or nothing is left of it. */
function compileClass(
  user: LooseUser,
  index: number,
  { names, filter, seen, problems }: ClassContext,
): UserClassSpec | undefined {
  if (!isDefinedUser(user)) {
    problems.push(`users[${index}] is not a user class made with defineUser()`);
    return undefined;
  }
  const name = className(user, names, index);
  const selected = filter.userClasses ?? [];
  if (selected.length > 0 && !selected.includes(name)) return undefined;
  const where = `user ${name}`;
  if (seen.has(name)) problems.push(`${where}: two user classes share this name`);
  seen.add(name);
  const weight = user.weight ?? 1;
  if (!(weight >= 0) || !Number.isFinite(weight))
    problems.push(`${where}: weight must be a number >= 0, got ${weight}`);
  if (user.fixedCount !== undefined && !(Number.isInteger(user.fixedCount) && user.fixedCount >= 0)) {
    problems.push(`${where}: fixedCount must be a whole number >= 0, got ${user.fixedCount}`);
  }
  for (const hook of ['onStart', 'onStop'] as const) {
    if (user[hook] !== undefined && typeof user[hook] !== 'function')
      problems.push(`${where}: ${hook} must be a function`);
  }
  if (user.wait !== undefined && typeof user.wait?.next !== 'function') {
    problems.push(
      `${where}: wait must come from between(), constant(), constantPacing() or constantThroughput()`,
    );
  }
  const tasks = normalizeTasks(user, where, problems).filter((task) => keepTask(task, filter));
  if (tasks.length === 0) return undefined;
  return {
    name,
    weight,
    fixedCount: user.fixedCount,
    wait: user.wait ?? constant(0),
    sequential: user.sequential === true,
    host: user.host,
    onStart: user.onStart as TaskFunction<object, unknown> | undefined,
    onStop: user.onStop as TaskFunction<object, unknown> | undefined,
    tasks,
  };
}

function normalizeTasks(user: LooseUser, where: string, problems: string[]): TaskSpec[] {
  const raw = user.tasks as unknown;
  const entries: [string | undefined, unknown][] = Array.isArray(raw)
    ? raw.map((task) => [undefined, task])
    : typeof raw === 'object' && raw !== null
      ? Object.entries(raw)
      : [];
  if (entries.length === 0) {
    problems.push(`${where}: tasks must be a non-empty list or object of tasks`);
    return [];
  }
  const tasks: TaskSpec[] = [];
  entries.forEach(([key, value], index) => {
    const task = typeof value === 'function' ? { run: value } : (value as Record<string, unknown> | null);
    const label = key ?? `tasks[${index}]`;
    if (task === null || typeof task !== 'object' || typeof task.run !== 'function') {
      problems.push(`${where}: ${label} needs a run function`);
      return;
    }
    const weight = task.weight ?? 1;
    if (typeof weight !== 'number' || !(weight >= 0) || !Number.isFinite(weight)) {
      problems.push(`${where}: ${label}: weight must be a number >= 0, got ${String(weight)}`);
      return;
    }
    const tags = task.tags ?? [];
    if (!Array.isArray(tags) || tags.some((tag) => typeof tag !== 'string')) {
      problems.push(`${where}: ${label}: tags must be a list of strings`);
      return;
    }
    const name = typeof task.name === 'string' ? task.name : (key ?? `task${index + 1}`);
    tasks.push({ name, weight, tags, run: task.run as TaskFunction<object, unknown> });
  });
  if (tasks.length > 0 && tasks.every((task) => task.weight === 0) && user.sequential !== true) {
    problems.push(`${where}: at least one task needs a weight above 0`);
  }
  return tasks;
}

function keepTask(task: TaskSpec, filter: TagFilter): boolean {
  if (filter.tags.length > 0 && !task.tags.some((tag) => filter.tags.includes(tag))) return false;
  return !task.tags.some((tag) => filter.excludeTags.includes(tag));
}
