/**
 * Seed 001's audit trail: `POST /audit/logs` writes one record, `POST /audit/logs/bulk` up to
 * 100 at once (the seed's "bulk operations"), `GET /audit/logs` queries them newest first with
 * filters (`action`, `entityType`, `entityId`, `actor`, `since`, `until`, `limit`), the seed's
 * "audit reporting queries".
 */

import type { AuditEntry, AuditLogStore } from '../audit-log-store.js';
import { BodyFields, QueryFields, readFields } from '../fields.js';
import type { DemoRouter } from '../handler.js';
import { sendJson } from '../http-io.js';

const ACTION = /^[a-z][a-z0-9_.:-]{0,49}$/;
export const MAX_BULK_LOGS = 100;
export const MAX_DETAILS_BYTES = 4096;

/** Reads one audit entry; `prefix` names it inside a bulk body (`logs[3].`). */
export function readAuditEntry(fields: BodyFields, prefix = ''): AuditEntry {
  const entry: AuditEntry = {
    action: fields.string('action', { max: 50 }, ACTION),
    entityType: fields.string('entityType', { max: 50 }),
    entityId: fields.string('entityId', { max: 100 }),
    actor: fields.optionalString('actor', { max: 100 }) ?? 'system',
    details: null,
  };
  const details = fields.raw('details');
  if (details !== undefined && details !== null) {
    const ok =
      typeof details === 'object' &&
      !Array.isArray(details) &&
      JSON.stringify(details).length <= MAX_DETAILS_BYTES;
    if (ok) entry.details = details as Record<string, unknown>;
    else fields.details.push(`details: must be a JSON object of at most ${MAX_DETAILS_BYTES} bytes`);
  }
  if (prefix !== '') {
    for (let i = 0; i < fields.details.length; i++)
      fields.details[i] = prefix + (fields.details[i] as string);
  }
  return entry;
}

export function registerAuditLogRoutes(router: DemoRouter, store: AuditLogStore): void {
  router
    .add('POST', '/audit/logs', async ({ req, res }) => {
      const fields = await readFields(req, res);
      if (fields === undefined) return;
      const entry = readAuditEntry(fields);
      if (fields.reject(res, 'invalid audit log')) return;
      sendJson(res, 201, store.append(entry));
    })
    .add('POST', '/audit/logs/bulk', async ({ req, res }) => {
      const fields = await readFields(req, res);
      if (fields === undefined) return;
      const raw = fields.raw('logs');
      const entries: AuditEntry[] = [];
      if (!Array.isArray(raw) || raw.length < 1 || raw.length > MAX_BULK_LOGS) {
        fields.details.push(`logs: must be an array of 1 to ${MAX_BULK_LOGS} audit logs`);
      } else {
        raw.forEach((item: unknown, i) => {
          const one = new BodyFields(
            typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {},
          );
          entries.push(readAuditEntry(one, `logs[${i}].`));
          fields.details.push(...one.details);
        });
      }
      if (fields.reject(res, 'invalid audit logs')) return;
      const logs = entries.map((entry) => store.append(entry));
      sendJson(res, 201, { count: logs.length, ids: logs.map((l) => l.id) });
    })
    .add('GET', '/audit/logs', ({ res, query }) => {
      const q = new QueryFields(query);
      const filter = {
        action: q.string('action', 50),
        entityType: q.string('entityType', 50),
        entityId: q.string('entityId', 100),
        actor: q.string('actor', 100),
        sinceMs: q.time('since'),
        untilMs: q.time('until'),
      };
      const limit = q.limit(50, 500);
      if (q.reject(res, 'invalid query')) return;
      const { logs, hasMore } = store.query(filter, limit);
      sendJson(res, 200, { logs, count: logs.length, hasMore });
    });
}
