import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenerationView } from '../../../src/demo/generation-store.js';
import { type DemoServer, startDemoServer } from '../../../src/demo/index.js';
import type { PlatformPayment } from '../../../src/demo/platform-payment-store.js';
import { call, manualClock, signUp } from './demo-client.js';

let demo: DemoServer;

beforeAll(async () => {
  demo = await startDemoServer();
});

afterAll(async () => {
  await demo.close();
});

describe('/api/v1/auth', () => {
  it('registers and logs in with a bearer token that opens the other areas', async () => {
    const registered = await call(demo, 'POST', '/api/v1/auth/register', {
      json: { email: 'Ada@Example.com', password: 'analytical', name: 'Ada' },
    });
    expect(registered.status).toBe(201);
    expect(registered.body).toEqual({ email: 'ada@example.com', name: 'Ada' });
    const login = await call<{ access_token: string; token_type: string; expires_in: number }>(
      demo,
      'POST',
      '/api/v1/auth/login',
      { json: { email: 'ada@example.com', password: 'analytical' } },
    );
    expect(login.status).toBe(200);
    expect(login.body).toEqual({
      access_token: expect.stringMatching(/^[\w-]{32}$/),
      token_type: 'bearer',
      expires_in: 3600,
    });
    const me = await call(demo, 'GET', '/api/me', {
      headers: { authorization: `Bearer ${login.body.access_token}` },
    });
    expect(me.body).toEqual({ username: 'ada@example.com' });
  });

  it('refuses duplicates, bad credentials and invalid bodies', async () => {
    await call(demo, 'POST', '/api/v1/auth/register', {
      json: { email: 'dup@example.com', password: 'password' },
    });
    const dup = await call(demo, 'POST', '/api/v1/auth/register', {
      json: { email: 'dup@example.com', password: 'password' },
    });
    expect(dup.status).toBe(409);
    const wrong = await call(demo, 'POST', '/api/v1/auth/login', {
      json: { email: 'dup@example.com', password: 'nope' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ error: 'invalid email or password' });
    const bad = await call(demo, 'POST', '/api/v1/auth/register', {
      json: { email: 'not-an-email', password: 'short' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({
      error: 'invalid registration',
      details: [
        'email: must be a string of 3 to 254 characters matching /^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/',
        'password: must be a string of 8 to 200 characters',
      ],
    });
  });
});

describe('/api/v1/generation', () => {
  it('moves a task queued → running → done, one stage per stageMs (computed from its age)', async () => {
    const clock = manualClock();
    const local = await startDemoServer({ clock: clock.now, generation: { stageMs: 100 } });
    try {
      const auth = await signUp(local);
      const created = await call<GenerationView>(local, 'POST', '/api/v1/generation/create', {
        headers: auth,
        json: { prompt: 'a lighthouse at dusk', outputs: 2 },
      });
      expect(created.status).toBe(202);
      expect(created.headers.get('location')).toBe(`/api/v1/generation/${created.body.id}`);
      expect(created.body).toMatchObject({
        status: 'queued',
        progress: 0,
        model: 'standard',
        startedAt: null,
        result: null,
      });
      const status = async () =>
        (await call<GenerationView>(local, 'GET', `/api/v1/generation/${created.body.id}`, { headers: auth }))
          .body;
      const seen: [string, number][] = [];
      for (const step of [99, 1, 50, 49, 1]) {
        clock.advance(step);
        const view = await status();
        seen.push([view.status, view.progress]);
      }
      expect(seen).toEqual([
        ['queued', 0],
        ['running', 0],
        ['running', 50],
        ['running', 99],
        ['done', 100],
      ]);
      expect(await status()).toMatchObject({
        startedAt: new Date(clock.t0 + 100).toISOString(),
        completedAt: new Date(clock.t0 + 200).toISOString(),
        result: { files: [`${created.body.id}-1.png`, `${created.body.id}-2.png`] },
      });
    } finally {
      await local.close();
    }
  });

  it('finishes on the real clock too', async () => {
    const local = await startDemoServer({ generation: { stageMs: 100 } });
    try {
      const auth = await signUp(local);
      const { body } = await call<GenerationView>(local, 'POST', '/api/v1/generation/create', {
        headers: auth,
        json: { prompt: 'x' },
      });
      const statuses = new Set<string>([body.status]);
      const deadline = Date.now() + 5000;
      while (!statuses.has('done') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        statuses.add(
          (await call<GenerationView>(local, 'GET', `/api/v1/generation/${body.id}`, { headers: auth })).body
            .status,
        );
      }
      // Polls that a busy machine delays past the whole 100 ms running stage do not see it: the
      // order and the end are what the real clock guarantees (the manual clock shows each stage).
      const seen = [...statuses];
      expect(seen[0]).toBe('queued');
      expect(seen.at(-1)).toBe('done');
      expect([['queued', 'done'], ['queued', 'running', 'done']]).toContainEqual(seen);
    } finally {
      await local.close();
    }
  });

  it("lists the caller's tasks newest first and hides other users' tasks", async () => {
    const clock = manualClock();
    const local = await startDemoServer({ clock: clock.now, generation: { stageMs: 100 } });
    try {
      const alice = await signUp(local);
      const bob = await signUp(local);
      const ids: string[] = [];
      for (const prompt of ['one', 'two', 'three']) {
        ids.push(
          (
            await call<GenerationView>(local, 'POST', '/api/v1/generation/create', {
              headers: alice,
              json: { prompt },
            })
          ).body.id,
        );
        clock.advance(150);
      }
      // Ages now: 450, 300, 150 ms → done, done, running.
      const list = await call<{ items: GenerationView[]; total: number }>(
        local,
        'GET',
        '/api/v1/generation/list',
        { headers: alice },
      );
      expect(list.body.total).toBe(3);
      expect(list.body.items.map((t) => [t.prompt, t.status])).toEqual([
        ['three', 'running'],
        ['two', 'done'],
        ['one', 'done'],
      ]);
      const done = await call<{ items: GenerationView[]; total: number }>(
        local,
        'GET',
        '/api/v1/generation/list?status=done&limit=1',
        { headers: alice },
      );
      expect(done.body.total).toBe(2);
      expect(done.body.items.map((t) => t.prompt)).toEqual(['two']);
      expect((await call(local, 'GET', `/api/v1/generation/${ids[0]}`, { headers: bob })).status).toBe(404);
      expect(
        (await call<{ total: number }>(local, 'GET', '/api/v1/generation/list', { headers: bob })).body.total,
      ).toBe(0);
    } finally {
      await local.close();
    }
  });

  it('needs a user and a valid body', async () => {
    const unauthorized = await call(demo, 'POST', '/api/v1/generation/create', { json: { prompt: 'x' } });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get('www-authenticate')).toBe('Bearer');
    expect((await call(demo, 'GET', '/api/v1/generation/list')).status).toBe(401);
    const auth = await signUp(demo);
    const bad = await call(demo, 'POST', '/api/v1/generation/create', {
      headers: auth,
      json: { prompt: '', model: 'ultra', outputs: 5 },
    });
    expect(bad.body).toEqual({
      error: 'invalid generation request',
      details: [
        'prompt: must be a string of 1 to 2000 characters',
        'model: must be one of standard, hd',
        'outputs: must be an integer from 1 to 4',
      ],
    });
  });
});

describe('/api/v1/payments', () => {
  it('creates payments, replays an Idempotency-Key, and lists them newest first', async () => {
    const auth = await signUp(demo);
    const first = await call<PlatformPayment>(demo, 'POST', '/api/v1/payments/create', {
      headers: { ...auth, 'idempotency-key': 'order-1' },
      json: { amountCents: 1999, currency: 'eur', description: 'credits' },
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      amountCents: 1999,
      currency: 'eur',
      description: 'credits',
      status: 'succeeded',
    });
    const retry = await call<PlatformPayment>(demo, 'POST', '/api/v1/payments/create', {
      headers: { ...auth, 'idempotency-key': 'order-1' },
      json: { amountCents: 1999, currency: 'eur', description: 'credits' },
    });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    const conflict = await call(demo, 'POST', '/api/v1/payments/create', {
      headers: { ...auth, 'idempotency-key': 'order-1' },
      json: { amountCents: 1 },
    });
    expect(conflict.status).toBe(422);
    const second = await call<PlatformPayment>(demo, 'POST', '/api/v1/payments/create', {
      headers: auth,
      json: { amountCents: 500 },
    });
    expect(second.body).toMatchObject({ currency: 'usd', description: null });
    const list = await call<{ payments: PlatformPayment[]; total: number }>(demo, 'GET', '/api/v1/payments', {
      headers: auth,
    });
    expect(list.body.total).toBe(2);
    expect(list.body.payments.map((p) => p.id)).toEqual([second.body.id, first.body.id]);
    // Keys are per user: another user's 'order-1' is a new payment.
    const other = await signUp(demo);
    const theirs = await call(demo, 'POST', '/api/v1/payments/create', {
      headers: { ...other, 'idempotency-key': 'order-1' },
      json: { amountCents: 1 },
    });
    expect(theirs.status).toBe(201);
  });

  it('needs a user and a valid amount', async () => {
    expect((await call(demo, 'GET', '/api/v1/payments')).status).toBe(401);
    const auth = await signUp(demo);
    const bad = await call(demo, 'POST', '/api/v1/payments/create', {
      headers: auth,
      json: { amountCents: 0, currency: 'btc' },
    });
    expect(bad.body).toEqual({
      error: 'invalid payment',
      details: [
        'amountCents: must be an integer from 1 to 10000000',
        'currency: must be one of usd, eur, gbp',
      ],
    });
  });
});
