/**
 * The audit trail of seed 001 (LeadFactory's lead explorer): who did what to which entity,
 * written on every change and queried for reports. A ring buffer: appends are O(1), the oldest
 * record is overwritten once full, and queries walk newest first and stop once they have a page,
 * so a report query costs at most one pass over the buffer however long the run.
 */

import { checkCapacity } from './capped.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  actor: string;
  details: Record<string, unknown> | null;
}

export interface AuditRecord extends AuditEntry {
  id: string;
  at: string;
}

export interface AuditQuery {
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actor?: string | undefined;
  sinceMs?: number | undefined;
  untilMs?: number | undefined;
}

export const DEFAULT_AUDIT_CAPACITY = 50_000;

export class AuditLogStore {
  readonly #ring: (AuditRecord | undefined)[];
  readonly #atMs: Float64Array;
  readonly #now: () => number;
  #next = 0;
  #written = 0;

  constructor(now: () => number = Date.now, capacity = DEFAULT_AUDIT_CAPACITY) {
    this.#ring = new Array<AuditRecord | undefined>(checkCapacity('audit log', capacity));
    this.#atMs = new Float64Array(capacity);
    this.#now = now;
  }

  /** Records written since start (the buffer keeps the newest `capacity`). */
  get written(): number {
    return this.#written;
  }

  append(entry: AuditEntry): AuditRecord {
    const nowMs = this.#now();
    const record: AuditRecord = { id: `aud_${++this.#written}`, at: new Date(nowMs).toISOString(), ...entry };
    this.#ring[this.#next] = record;
    this.#atMs[this.#next] = nowMs;
    this.#next = (this.#next + 1) % this.#ring.length;
    return record;
  }

  /** Matching records newest first, at most `limit`; `hasMore` when another matched. */
  query(q: AuditQuery, limit: number): { logs: AuditRecord[]; hasMore: boolean } {
    const logs: AuditRecord[] = [];
    const size = this.#ring.length;
    const kept = Math.min(this.#written, size);
    for (let k = 1; k <= kept; k++) {
      const i = (this.#next - k + size) % size;
      const record = this.#ring[i] as AuditRecord;
      const atMs = this.#atMs[i] as number;
      if (q.untilMs !== undefined && atMs > q.untilMs) continue;
      // Newest first: once older than `since`, everything further is too.
      if (q.sinceMs !== undefined && atMs < q.sinceMs) break;
      if (q.action !== undefined && record.action !== q.action) continue;
      if (q.entityType !== undefined && record.entityType !== q.entityType) continue;
      if (q.entityId !== undefined && record.entityId !== q.entityId) continue;
      if (q.actor !== undefined && record.actor !== q.actor) continue;
      if (logs.length === limit) return { logs, hasMore: true };
      logs.push(record);
    }
    return { logs, hasMore: false };
  }
}
