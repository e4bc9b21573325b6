import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLogStore, type AuditRecord } from '../../../src/demo/audit-log-store.js';
import type { BudgetStatus } from '../../../src/demo/budget-breaker.js';
import { type DemoServer, startDemoServer } from '../../../src/demo/index.js';
import { call, manualClock } from './demo-client.js';

const clock = manualClock('2024-06-01T00:00:00.000Z');
let demo: DemoServer;

beforeAll(async () => {
  demo = await startDemoServer({ clock: clock.now, budget: { limit: 100 } });
});

afterAll(async () => {
  await demo.close();
});

type Logs = { logs: AuditRecord[]; count: number; hasMore: boolean };

describe('/audit/logs', () => {
  it('writes records and queries them newest first with filters', async () => {
    const write = async (action: string, entityId: string, actor?: string) => {
      const res = await call<AuditRecord>(demo, 'POST', '/audit/logs', {
        json: {
          action,
          entityType: 'lead',
          entityId,
          ...(actor === undefined ? {} : { actor }),
          details: { field: 'status' },
        },
      });
      clock.advance(1000);
      return res;
    };
    const first = await write('lead.create', 'L1', 'ana');
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: first.body.id,
      at: '2024-06-01T00:00:00.000Z',
      action: 'lead.create',
      entityType: 'lead',
      entityId: 'L1',
      actor: 'ana',
      details: { field: 'status' },
    });
    await write('lead.update', 'L1');
    await write('lead.update', 'L2');
    await write('lead.delete', 'L1', 'ana');

    const byLead = await call<Logs>(demo, 'GET', '/audit/logs?entityId=L1');
    expect(byLead.body.logs.map((l) => l.action)).toEqual(['lead.delete', 'lead.update', 'lead.create']);
    expect(byLead.body).toMatchObject({ count: 3, hasMore: false });
    const updates = await call<Logs>(demo, 'GET', '/audit/logs?action=lead.update&limit=1');
    expect(updates.body.logs.map((l) => l.entityId)).toEqual(['L2']);
    expect(updates.body.hasMore).toBe(true);
    const byActor = await call<Logs>(demo, 'GET', '/audit/logs?actor=system');
    expect(byActor.body.count).toBe(2);
    // Written at +0 s, +1 s, +2 s, +3 s: since +1 s and until +2 s keeps the middle two.
    const window = await call<Logs>(
      demo,
      'GET',
      '/audit/logs?since=2024-06-01T00:00:01Z&until=2024-06-01T00:00:02Z',
    );
    expect(window.body.logs.map((l) => l.at)).toEqual([
      '2024-06-01T00:00:02.000Z',
      '2024-06-01T00:00:01.000Z',
    ]);
  });

  it('writes up to 100 records in bulk', async () => {
    const logs = Array.from({ length: 10 }, (_, i) => ({
      action: 'bulk.import',
      entityType: 'lead',
      entityId: `B${i}`,
    }));
    const res = await call<{ count: number; ids: string[] }>(demo, 'POST', '/audit/logs/bulk', {
      json: { logs },
    });
    expect(res.status).toBe(201);
    expect(res.body.count).toBe(10);
    expect(new Set(res.body.ids).size).toBe(10);
    const found = await call<Logs>(demo, 'GET', '/audit/logs?action=bulk.import&limit=500');
    expect(found.body.logs.map((l) => l.entityId)).toEqual(logs.map((l) => l.entityId).reverse());
    const tooMany = await call(demo, 'POST', '/audit/logs/bulk', {
      json: { logs: Array.from({ length: 101 }, () => logs[0]) },
    });
    expect(tooMany.body).toEqual({
      error: 'invalid audit logs',
      details: ['logs: must be an array of 1 to 100 audit logs'],
    });
    const oneBad = await call(demo, 'POST', '/audit/logs/bulk', {
      json: { logs: [logs[0], { action: 'x', entityType: 'lead' }] },
    });
    expect(oneBad.status).toBe(400);
    expect(oneBad.body).toEqual({
      error: 'invalid audit logs',
      details: ['logs[1].entityId: must be a string of 1 to 100 characters'],
    });
  });

  it('validates records and queries', async () => {
    const bad = await call(demo, 'POST', '/audit/logs', {
      json: { action: 'Bad Action', entityType: '', entityId: 'x', details: [1] },
    });
    expect(bad.body).toEqual({
      error: 'invalid audit log',
      details: [
        'action: must be a string of 1 to 50 characters matching /^[a-z][a-z0-9_.:-]{0,49}$/',
        'entityType: must be a string of 1 to 50 characters',
        'details: must be a JSON object of at most 4096 bytes',
      ],
    });
    expect((await call(demo, 'GET', '/audit/logs?since=soon')).status).toBe(400);
  });

  it('keeps only the newest records once the ring is full', () => {
    let t = 0;
    const store = new AuditLogStore(() => t++, 3);
    for (const id of ['a', 'b', 'c', 'd', 'e'])
      store.append({ action: 'x', entityType: 'lead', entityId: id, actor: 's', details: null });
    expect(store.written).toBe(5);
    expect(store.query({}, 10).logs.map((l) => l.entityId)).toEqual(['e', 'd', 'c']);
    expect(store.query({ sinceMs: 3 }, 10).logs.map((l) => l.entityId)).toEqual(['e', 'd']);
  });
});

describe('/budget', () => {
  it('allows checks within budget, trips the breaker past it, and answers 503 until reset', async () => {
    const check = (cost: number) =>
      call<BudgetStatus & { allowed: boolean; error?: string }>(demo, 'POST', '/budget/check', {
        json: { account: 'acme', cost },
      });
    const first = await check(60);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      allowed: true,
      account: 'acme',
      limit: 100,
      spent: 60,
      remaining: 40,
      state: 'closed',
    });
    expect((await check(40)).body).toMatchObject({ allowed: true, spent: 100, remaining: 0 });
    const tripped = await check(0.01);
    expect(tripped.status).toBe(503);
    expect(tripped.headers.get('retry-after')).toBeNull();
    expect(tripped.body).toMatchObject({
      error: 'budget circuit open for account acme: spent 100 of 100',
      allowed: false,
      state: 'open',
      trips: 1,
      openedAt: new Date(clock.now()).toISOString(),
      closesAt: null,
    });
    // Open: even a zero-cost check is refused, and time alone does not close it.
    clock.advance(3_600_000);
    expect((await check(0)).status).toBe(503);
    expect((await call(demo, 'GET', '/budget/acme')).body).toMatchObject({ state: 'open', spent: 100 });
    // Other accounts are unaffected.
    expect((await call(demo, 'POST', '/budget/check', { json: { account: 'globex', cost: 5 } })).status).toBe(
      200,
    );

    const reset = await call<BudgetStatus>(demo, 'POST', '/budget/acme/reset', { json: { limit: 500 } });
    expect(reset.body).toEqual({
      account: 'acme',
      limit: 500,
      spent: 0,
      remaining: 500,
      state: 'closed',
      trips: 1,
      openedAt: null,
      closesAt: null,
    });
    expect((await check(400)).status).toBe(200);
  });

  it('closes by itself after the cool-down, with Retry-After meanwhile', async () => {
    const local = manualClock();
    const server = await startDemoServer({ clock: local.now, budget: { limit: 10, coolDownMs: 30_000 } });
    try {
      const check = (cost: number) => call<BudgetStatus>(server, 'POST', '/budget/check', { json: { cost } });
      expect((await check(10)).status).toBe(200);
      const tripped = await check(1);
      expect(tripped.status).toBe(503);
      expect(tripped.headers.get('retry-after')).toBe('30');
      expect(tripped.body).toMatchObject({
        account: 'default',
        closesAt: new Date(local.t0 + 30_000).toISOString(),
      });
      local.advance(29_001);
      expect((await check(0)).headers.get('retry-after')).toBe('1');
      local.advance(999);
      const reopened = await check(1);
      expect(reopened.status).toBe(200);
      expect(reopened.body).toMatchObject({ spent: 1, state: 'closed', trips: 1 });
    } finally {
      await server.close();
    }
  });

  it('validates checks and resets', async () => {
    const bad = await call(demo, 'POST', '/budget/check', { json: { account: 'has space', cost: -1 } });
    expect(bad.body).toEqual({
      error: 'invalid budget check',
      details: [
        'account: must be a string of 1 to 100 characters matching /^[A-Za-z0-9_.:-]{1,100}$/',
        'cost: must be a number from 0 to 1000000000',
      ],
    });
    expect((await call(demo, 'POST', '/budget/x/reset', { json: { limit: 0 } })).status).toBe(400);
    const bare = await call<BudgetStatus>(demo, 'POST', '/budget/fresh/reset');
    expect(bare.status).toBe(200);
    expect(bare.body).toMatchObject({ limit: 100, spent: 0 });
  });
});
