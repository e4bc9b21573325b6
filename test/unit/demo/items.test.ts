import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../../src/demo/index.js';
import { ItemStore } from '../../../src/demo/item-store.js';
import { validateItemInput } from '../../../src/demo/routes/items.js';

let demo: DemoServer;

beforeAll(async () => {
  demo = await startDemoServer();
});

afterAll(async () => {
  await demo.close();
});

interface Reply {
  status: number;
  body: unknown;
  headers: Headers;
}

async function call(
  method: string,
  path: string,
  json?: unknown,
  contentType = 'application/json',
): Promise<Reply> {
  const init: RequestInit = { method };
  if (json !== undefined) {
    init.body = typeof json === 'string' ? json : JSON.stringify(json);
    init.headers = { 'content-type': contentType };
  }
  const res = await fetch(demo.url + path, init);
  const text = await res.text();
  return { status: res.status, body: text === '' ? undefined : JSON.parse(text), headers: res.headers };
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('/api/items', () => {
  it('creates, reads, updates and deletes an item', async () => {
    const created = await call('POST', '/api/items', { name: 'lamp', price: 12.5 });
    expect(created.status).toBe(201);
    const item = created.body as { id: string; name: string; price: number; createdAt: string };
    expect(item).toEqual({ id: item.id, name: 'lamp', price: 12.5, createdAt: item.createdAt });
    expect(item.id).toMatch(/^itm_\d+$/);
    expect(item.createdAt).toMatch(ISO);

    expect(await call('GET', `/api/items/${item.id}`)).toMatchObject({ status: 200, body: item });

    const updated = await call('PUT', `/api/items/${item.id}`, { name: 'desk lamp', price: 0 });
    expect(updated).toMatchObject({ status: 200, body: { ...item, name: 'desk lamp', price: 0 } });
    expect(await call('GET', `/api/items/${item.id}`)).toMatchObject({
      body: { name: 'desk lamp', price: 0 },
    });

    const deleted = await call('DELETE', `/api/items/${item.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect(await call('GET', `/api/items/${item.id}`)).toMatchObject({
      status: 404,
      body: { error: `item ${item.id} not found` },
    });
  });

  it('gives each new item the next id', async () => {
    const a = (await call('POST', '/api/items', { name: 'a', price: 1 })).body as { id: string };
    const b = (await call('POST', '/api/items', { name: 'b', price: 2 })).body as { id: string };
    expect(Number(b.id.slice(4))).toBe(Number(a.id.slice(4)) + 1);
  });

  it('answers 404 for PUT and DELETE of a missing item', async () => {
    expect((await call('PUT', '/api/items/itm_999999', { name: 'x', price: 1 })).status).toBe(404);
    expect((await call('DELETE', '/api/items/itm_999999')).status).toBe(404);
  });

  it('lists items with a default limit of 20 and a maximum of 100', async () => {
    const local = await startDemoServer();
    try {
      for (let i = 0; i < 120; i++) {
        await fetch(`${local.url}/api/items`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: `item ${i}`, price: i }),
        });
      }
      const list = async (query: string) => {
        const res = await fetch(`${local.url}/api/items${query}`);
        return {
          status: res.status,
          body: (await res.json()) as { items: { name: string }[]; total: number },
        };
      };
      const byDefault = await list('');
      expect(byDefault.status).toBe(200);
      expect(byDefault.body.total).toBe(120);
      expect(byDefault.body.items.map((i) => i.name)).toEqual(
        Array.from({ length: 20 }, (_, i) => `item ${i}`),
      );
      expect((await list('?limit=5')).body.items.map((i) => i.name)).toEqual([
        'item 0',
        'item 1',
        'item 2',
        'item 3',
        'item 4',
      ]);
      expect((await list('?limit=500')).body.items).toHaveLength(100);
      expect((await list('?other=1')).body.items).toHaveLength(20);
      for (const bad of ['?limit=0', '?limit=-3', '?limit=abc', '?limit=2.5']) {
        const res = await fetch(`${local.url}/api/items${bad}`);
        expect(res.status).toBe(400);
        expect(await res.json()).toEqual({
          error: 'invalid query',
          details: ['limit: must be a positive integer (at most 100)'],
        });
      }
    } finally {
      await local.close();
    }
  });

  it('lists every invalid field on bad input', async () => {
    const both = await call('POST', '/api/items', { name: '', price: -1 });
    expect(both).toMatchObject({
      status: 400,
      body: {
        error: 'invalid item',
        details: ['name: must be a string of 1 to 100 characters', 'price: must be a number >= 0'],
      },
    });
    const put = await call('PUT', '/api/items/itm_1', { name: 'x'.repeat(101), price: 3 });
    expect(put).toMatchObject({
      status: 400,
      body: { error: 'invalid item', details: ['name: must be a string of 1 to 100 characters'] },
    });
    const array = await call('POST', '/api/items', [1, 2]);
    expect(array).toMatchObject({
      status: 400,
      body: { error: 'invalid item', details: ['body: must be a JSON object with name and price'] },
    });
  });

  it('answers 400 on invalid JSON and 415 on a non-JSON content type', async () => {
    expect(await call('POST', '/api/items', '{"name": ')).toMatchObject({
      status: 400,
      body: { error: 'request body is not valid JSON' },
    });
    expect(await call('POST', '/api/items', 'name=x', 'application/x-www-form-urlencoded')).toMatchObject({
      status: 415,
      body: { error: 'content-type must be application/json' },
    });
    expect((await call('PUT', '/api/items/itm_1', 'x', 'text/plain')).status).toBe(415);
    // Parameters and +json types are JSON too.
    const withCharset = await call(
      'POST',
      '/api/items',
      { name: 'n', price: 1 },
      'Application/JSON; charset=utf-8',
    );
    expect(withCharset.status).toBe(201);
    expect(
      (await call('POST', '/api/items', { name: 'n', price: 1 }, 'application/vnd.api+json')).status,
    ).toBe(201);
  });

  it('refuses a body over 1 MB with 413 and keeps serving', async () => {
    const huge = JSON.stringify({ name: 'x'.repeat(1024 * 1024), price: 1 });
    expect(await call('POST', '/api/items', huge)).toMatchObject({
      status: 413,
      body: { error: 'request body exceeds 1048576 bytes' },
    });
    expect((await call('GET', '/api/items')).status).toBe(200);
  });
});

describe('validateItemInput', () => {
  it('accepts the boundaries and rejects just past them', () => {
    expect(validateItemInput({ name: 'x', price: 0 })).toEqual({ ok: true, name: 'x', price: 0 });
    expect(validateItemInput({ name: 'x'.repeat(100), price: 1e9 })).toMatchObject({ ok: true });
    expect(validateItemInput({ name: 'x'.repeat(101), price: 0 })).toMatchObject({ ok: false });
    expect(validateItemInput({ name: 'x', price: -0.01 })).toMatchObject({ ok: false });
    expect(validateItemInput({ name: 5, price: '5' })).toEqual({
      ok: false,
      details: ['name: must be a string of 1 to 100 characters', 'price: must be a number >= 0'],
    });
    expect(validateItemInput(null)).toMatchObject({ ok: false });
  });
});

describe('ItemStore', () => {
  it('keeps only the newest items once full', () => {
    const store = new ItemStore(3);
    const ids = ['a', 'b', 'c', 'd', 'e'].map((name) => store.create(name, 1).id);
    expect(ids).toEqual(['itm_1', 'itm_2', 'itm_3', 'itm_4', 'itm_5']);
    expect(store.size).toBe(3);
    expect(store.get('itm_2')).toBeUndefined();
    expect(store.list(10).map((i) => i.name)).toEqual(['c', 'd', 'e']);
  });

  it('updates in place without changing id or creation time', () => {
    const store = new ItemStore();
    const item = store.create('a', 1, new Date('2024-01-02T03:04:05.000Z'));
    expect(store.update(item.id, 'b', 2)).toEqual({
      id: 'itm_1',
      name: 'b',
      price: 2,
      createdAt: '2024-01-02T03:04:05.000Z',
    });
    expect(store.update('itm_9', 'b', 2)).toBeUndefined();
    expect(() => new ItemStore(0)).toThrow(RangeError);
  });
});
