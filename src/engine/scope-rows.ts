/**
 * The rows `vu.measure()` and `vu.group()` record into, resolved once. A measure's row is keyed
 * by (recorder scope, type, name) and a group's scope by (parent scope, group name); reaching
 * either through the recorder would mean building a key string per call, so here it is an array
 * index and two `Map` hits with the strings the script passed, and the recorder is asked only on
 * a miss. One instance per compiled user class, shared by its users (they share the recorder).
 * As in the HTTP client's endpoint cache, names per (scope, type) are cached up to MAX_ROWS:
 * past that they go to the recorder each time (which files them under an overflow row).
 */

import { GROUP_SEPARATOR, GROUP_TYPE } from '../metrics/endpoint-key.js';
import { MAX_ROWS } from '../metrics/limits.js';
import type { MetricsRecorder } from '../metrics/recorder.js';

/** The type (Type column) of a `vu.measure()` row given none. */
export const DEFAULT_MEASURE_TYPE = 'CUSTOM';
export { GROUP_TYPE };

interface ScopeInfo {
  readonly tags: readonly string[];
  /** The group path, '' outside any group. */
  readonly group: string;
  /** Row ids by the type as the script wrote it (`'sql'`), then by name. */
  readonly byType: Map<string | undefined, Map<string, number>>;
  /** Child scopes by group name. */
  readonly children: Map<string, number>;
}

export class ScopeRows {
  private readonly scopes: (ScopeInfo | undefined)[] = [];

  constructor(
    private readonly recorder: MetricsRecorder,
    private readonly scenario: string,
    private readonly user: string,
  ) {}

  /** Makes a scope the recorder already handed out (a task's, the lifecycle's) known here. */
  register(scope: number, tags: readonly string[], group = ''): void {
    this.scopes[scope] = { tags, group, byType: new Map(), children: new Map() };
  }

  /** The row of a `vu.measure(name, fn, { type })` made in `scope`; `type` is upper-cased once. */
  row(scope: number, type: string | undefined, name: string): number {
    const info = this.info(scope);
    let names = info.byType.get(type);
    if (names === undefined) {
      names = new Map();
      info.byType.set(type, names);
    }
    let id = names.get(name);
    if (id === undefined) {
      id = this.recorder.endpoint(scope, rowType(type), checkedName(name, 'vu.measure()'));
      if (names.size < MAX_ROWS) names.set(name, id);
    }
    return id;
  }

  /** The scope of a `vu.group(name)` entered from `scope`: its rows carry the group's path. */
  child(scope: number, name: string): number {
    const info = this.info(scope);
    let id = info.children.get(name);
    if (id === undefined) {
      const path = info.group === '' ? checkedName(name, 'vu.group()') : info.group + GROUP_SEPARATOR + checkedName(name, 'vu.group()');
      id = this.recorder.scope(this.scenario, this.user, info.tags, path);
      this.register(id, info.tags, path);
      if (info.children.size < MAX_ROWS) info.children.set(name, id);
    }
    return id;
  }

  private info(scope: number): ScopeInfo {
    const info = this.scopes[scope];
    if (info === undefined) throw new RangeError(`unknown recorder scope ${scope}`);
    return info;
  }
}

function rowType(type: string | undefined): string {
  if (type === undefined) return DEFAULT_MEASURE_TYPE;
  if (typeof type !== 'string' || type.trim() === '')
    throw new TypeError(`vu.measure(): type must be a non-empty string, got ${String(type)}`);
  return type.trim().toUpperCase();
}

function checkedName(name: string, what: string): string {
  if (typeof name !== 'string' || name === '') throw new TypeError(`${what}: name must be a non-empty string`);
  return name;
}
