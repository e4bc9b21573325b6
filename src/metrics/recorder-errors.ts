/**
 * The recorder's error groups, bounded. A message seen before is one Map hit (no string built);
 * a new one is normalised to find its group (see error-message.ts). Each row keeps at most
 * MAX_ERROR_GROUPS_PER_ROW groups per kind, and counts later messages under one "other" group,
 * so a task throwing a unique message per iteration costs a few groups, not millions.
 */

import { redactSecrets } from './redact.js';
import { MAX_ERROR_GROUPS_PER_ROW } from './limits.js';
import { clipMessage, normalizeErrorMessage, OTHER_ERRORS_MESSAGE } from './error-message.js';

/** Verbatim messages remembered per row (beyond that, a message is normalised each time). */
const MAX_REMEMBERED_PER_ROW = 500;

export class ErrorGroup {
  count = 0;
  firstAtMs = 0;
  /** The first message as it was, until a different one joins; then the normalised form. */
  message: string;
  constructor(
    readonly endpoint: number,
    readonly kind: 'request' | 'task',
    first: string,
    readonly normalized: string,
  ) {
    this.message = clipMessage(first);
  }
}

/** One row's lookups: verbatim message → group, normalised message → group. */
class RowErrors {
  readonly verbatim = new Map<string, number>();
  readonly normalized = new Map<string, number>();
  groupsByKind = { request: 0, task: 0 };
  other = { request: -1, task: -1 };
}

export class RecorderErrors {
  readonly groups: ErrorGroup[] = [];
  private readonly rows: (RowErrors | undefined)[] = [];

  /** `redact`: credentials in messages become [redacted] (see outputs/redact.ts). */
  constructor(private readonly redact: boolean) {}

  /** The group id of `message` under row `endpoint`, creating it (or choosing "other"). */
  groupOf(endpoint: number, kind: 'request' | 'task', message: string): number {
    let row = this.rows[endpoint];
    if (row === undefined) {
      row = new RowErrors();
      this.rows[endpoint] = row;
    }
    // Request and task errors of one row share the maps; a prefix keeps them apart.
    const prefix = kind === 'request' ? '' : '\u0000';
    const known = row.verbatim.get(kind === 'request' ? message : prefix + message);
    if (known !== undefined) return known;
    const shown = this.redact ? redactSecrets(message) : message;
    const normalized = normalizeErrorMessage(shown);
    let id = row.normalized.get(prefix + normalized);
    if (id === undefined) {
      if (row.groupsByKind[kind] >= MAX_ERROR_GROUPS_PER_ROW) return this.otherGroup(row, endpoint, kind);
      id = this.groups.length;
      this.groups.push(new ErrorGroup(endpoint, kind, shown, normalized));
      row.normalized.set(prefix + normalized, id);
      row.groupsByKind[kind]++;
    } else {
      const group = this.groups[id] as ErrorGroup;
      if (group.message !== normalized && group.message !== clipMessage(shown)) group.message = normalized;
    }
    if (row.verbatim.size < MAX_REMEMBERED_PER_ROW) row.verbatim.set(prefix + message, id);
    return id;
  }

  private otherGroup(row: RowErrors, endpoint: number, kind: 'request' | 'task'): number {
    if (row.other[kind] === -1) {
      row.other[kind] = this.groups.length;
      this.groups.push(new ErrorGroup(endpoint, kind, OTHER_ERRORS_MESSAGE, OTHER_ERRORS_MESSAGE));
    }
    return row.other[kind];
  }
}
