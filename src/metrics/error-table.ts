/**
 * The run's error groups, merged from every snapshot (every worker's). Workers group and cap
 * their own messages; merging keys groups by their normalised message, so a group two workers
 * saw with different ids is one, and caps each row again (MAX_ERROR_GROUPS_PER_ROW), since
 * several workers' groups together can exceed it. Counts are never dropped: beyond the cap they
 * go to the row's "other" group.
 */

import { type EndpointKey, endpointKeyId } from './endpoint-key.js';
import { normalizeErrorMessage, OTHER_ERRORS_MESSAGE } from './error-message.js';
import { MAX_ERROR_GROUPS_PER_ROW } from './limits.js';
import type { SnapshotError } from './snapshot.js';

export interface ErrorAggregate {
  key: EndpointKey;
  kind: 'request' | 'task';
  message: string;
  count: number;
  firstAtMs: number;
}

export class ErrorTable {
  private readonly groups = new Map<string, ErrorAggregate>();
  /** Groups per (kind, row), to apply the cap. */
  private readonly perRow = new Map<string, number>();
  /** Whether a request failed for lack of file descriptors (EMFILE, ENFILE). */
  outOfFiles = false;

  /** Adds one snapshot's group; `key` is the row it is counted under (after any row overflow). */
  add(error: SnapshotError, key: EndpointKey): void {
    if (!this.outOfFiles && /\bE[MN]FILE\b/.test(error.message)) this.outOfFiles = true;
    const rowId = `${error.kind}\u0000${endpointKeyId(key)}`;
    const normalized = normalizeErrorMessage(error.message);
    let existing = this.groups.get(`${rowId}\u0000${normalized}`);
    if (existing === undefined) {
      const count = this.perRow.get(rowId) ?? 0;
      const full = count >= MAX_ERROR_GROUPS_PER_ROW && normalized !== OTHER_ERRORS_MESSAGE;
      const id = `${rowId}\u0000${full ? OTHER_ERRORS_MESSAGE : normalized}`;
      existing = this.groups.get(id);
      if (existing === undefined) {
        existing = { key, kind: error.kind, message: full ? OTHER_ERRORS_MESSAGE : error.message, count: 0, firstAtMs: error.firstAtMs };
        this.groups.set(id, existing);
        this.perRow.set(rowId, count + 1);
      }
    } else if (existing.message !== error.message) {
      existing.message = normalized;
    }
    existing.count += error.count;
    existing.firstAtMs = Math.min(existing.firstAtMs, error.firstAtMs);
  }

  /** Every group, most frequent first. */
  sorted(): ErrorAggregate[] {
    return [...this.groups.values()].sort((a, b) => b.count - a.count || a.firstAtMs - b.firstAtMs);
  }
}
