import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../../src/demo/index.js';
import type { Session, Upload } from '../../../src/demo/session-store.js';
import { UploadLimiter } from '../../../src/demo/upload-limiter.js';
import { call, manualClock, signUp } from './demo-client.js';

let demo: DemoServer;

beforeAll(async () => {
  demo = await startDemoServer();
});

afterAll(async () => {
  await demo.close();
});

describe('/sessions CRUD', () => {
  it('creates, reads, updates, lists and deletes a session', async () => {
    const auth = await signUp(demo);
    const created = await call<Session>(demo, 'POST', '/sessions', {
      headers: auth,
      json: { patientId: 'pat-1', date: '2024-02-29', notes: 'intake' },
    });
    expect(created.status).toBe(201);
    const session = created.body;
    expect(session).toMatchObject({
      patientId: 'pat-1',
      date: '2024-02-29',
      durationMinutes: 50,
      notes: 'intake',
      status: 'scheduled',
      uploads: 0,
      uploadedBytes: 0,
    });
    expect(session.id).toMatch(/^ses_\d+$/);
    expect((await call(demo, 'GET', `/sessions/${session.id}`, { headers: auth })).body).toEqual(session);

    const patched = await call<Session>(demo, 'PATCH', `/sessions/${session.id}`, {
      headers: auth,
      json: { status: 'completed', durationMinutes: 45 },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      id: session.id,
      status: 'completed',
      durationMinutes: 45,
      notes: 'intake',
    });

    await call(demo, 'POST', '/sessions', {
      headers: auth,
      json: { patientId: 'pat-2', date: '2024-03-01' },
    });
    const all = await call<{ sessions: Session[]; total: number }>(demo, 'GET', '/sessions', {
      headers: auth,
    });
    expect(all.body.total).toBe(2);
    expect(all.body.sessions.map((s) => s.patientId)).toEqual(['pat-2', 'pat-1']);
    const completed = await call<{ total: number }>(
      demo,
      'GET',
      '/sessions?status=completed&patientId=pat-1',
      { headers: auth },
    );
    expect(completed.body.total).toBe(1);

    expect((await call(demo, 'DELETE', `/sessions/${session.id}`, { headers: auth })).status).toBe(204);
    expect((await call(demo, 'GET', `/sessions/${session.id}`, { headers: auth })).status).toBe(404);
    expect((await call(demo, 'DELETE', `/sessions/${session.id}`, { headers: auth })).status).toBe(404);
  });

  it("keeps each user's sessions private", async () => {
    const alice = await signUp(demo);
    const bob = await signUp(demo);
    const { body } = await call<Session>(demo, 'POST', '/sessions', {
      headers: alice,
      json: { patientId: 'p', date: '2024-01-02' },
    });
    expect((await call(demo, 'GET', `/sessions/${body.id}`, { headers: bob })).status).toBe(404);
    expect(
      (await call(demo, 'PATCH', `/sessions/${body.id}`, { headers: bob, json: { notes: 'x' } })).status,
    ).toBe(404);
    expect((await call<{ total: number }>(demo, 'GET', '/sessions', { headers: bob })).body.total).toBe(0);
    expect((await call(demo, 'GET', '/sessions')).status).toBe(401);
  });

  it('validates bodies', async () => {
    const auth = await signUp(demo);
    const bad = await call(demo, 'POST', '/sessions', {
      headers: auth,
      json: { patientId: '', date: '2024-02-30', durationMinutes: 0 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({
      error: 'invalid session',
      details: [
        'patientId: must be a string of 1 to 100 characters',
        'date: 2024-02-30 is not a calendar date',
        'durationMinutes: must be an integer from 1 to 600',
      ],
    });
    const { body } = await call<Session>(demo, 'POST', '/sessions', {
      headers: auth,
      json: { patientId: 'p', date: '2024-01-02' },
    });
    const empty = await call(demo, 'PATCH', `/sessions/${body.id}`, { headers: auth, json: {} });
    expect(empty.body).toEqual({
      error: 'invalid session update',
      details: ['body: give at least one of date, durationMinutes, notes, status'],
    });
    expect(
      (await call(demo, 'PATCH', `/sessions/${body.id}`, { headers: auth, json: { status: 'lost' } })).status,
    ).toBe(400);
  });
});

describe('uploads', () => {
  it('counts the bytes of an upload without keeping them', async () => {
    const auth = await signUp(demo);
    const { body: session } = await call<Session>(demo, 'POST', '/sessions', {
      headers: auth,
      json: { patientId: 'p', date: '2024-01-02' },
    });
    const res = await call<{ session: Session; upload: Upload }>(
      demo,
      'POST',
      `/sessions/${session.id}/upload`,
      {
        headers: { ...auth, 'content-type': 'audio/wav' },
        body: new Uint8Array(3 * 1024 * 1024 + 7),
      },
    );
    expect(res.status).toBe(201);
    expect(res.body.upload).toMatchObject({
      sessionId: session.id,
      bytes: 3 * 1024 * 1024 + 7,
      contentType: 'audio/wav',
    });
    expect(res.body.session).toMatchObject({ uploads: 1, uploadedBytes: 3 * 1024 * 1024 + 7 });
    expect(res.headers.get('x-ratelimit-limit')).toBe('10');
    expect(res.headers.get('x-ratelimit-remaining')).toBe('9');

    const fresh = await call<{ session: Session; upload: Upload }>(
      demo,
      'POST',
      '/sessions/upload?patientId=pat-9',
      {
        headers: auth,
        body: 'abc',
      },
    );
    expect(fresh.status).toBe(201);
    expect(fresh.body.session).toMatchObject({ patientId: 'pat-9', uploads: 1, uploadedBytes: 3 });
    expect(fresh.body.upload.contentType).toBe('text/plain;charset=UTF-8');
  });

  it('answers 429 with Retry-After once a user has used the window, until a slot frees', async () => {
    const clock = manualClock();
    const local = await startDemoServer({ clock: clock.now, uploads: { perWindow: 3, windowMs: 60_000 } });
    try {
      const alice = await signUp(local);
      const upload = (auth: { authorization: string }) =>
        call<{ error: string; retryAfterSeconds: number }>(local, 'POST', '/sessions/upload', {
          headers: auth,
          body: 'x',
        });
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        statuses.push((await upload(alice)).status);
        clock.advance(10_000);
      }
      expect(statuses).toEqual([201, 201, 201]);
      // Now t0 + 30 s: the first slot frees at t0 + 60 s.
      const limited = await upload(alice);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('30');
      expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(limited.body).toEqual({
        error: 'upload rate limit exceeded: 3 uploads per window; retry in 30 s',
        retryAfterSeconds: 30,
      });
      clock.advance(29_500);
      expect((await upload(alice)).headers.get('retry-after')).toBe('1');
      // Another user has their own budget.
      expect((await upload(await signUp(local))).status).toBe(201);
      clock.advance(500);
      expect((await upload(alice)).status).toBe(201);
      expect((await upload(alice)).status).toBe(429);
    } finally {
      await local.close();
    }
  });

  it('refuses uploads that are too large, empty, unauthenticated or to a missing session', async () => {
    const local = await startDemoServer({ uploads: { maxBytes: 1000, perWindow: 100 } });
    try {
      const auth = await signUp(local);
      const large = await call(local, 'POST', '/sessions/upload', {
        headers: auth,
        body: new Uint8Array(1001),
      });
      expect(large.status).toBe(413);
      expect(large.body).toEqual({ error: 'request body exceeds 1000 bytes' });
      expect(
        (await call(local, 'POST', '/sessions/upload', { headers: auth, body: new Uint8Array(1000) })).status,
      ).toBe(201);
      const empty = await call(local, 'POST', '/sessions/upload', { headers: auth });
      expect(empty.status).toBe(400);
      expect(empty.body).toEqual({ error: 'upload body is empty' });
      expect((await call(local, 'POST', '/sessions/upload', { body: 'x' })).status).toBe(401);
      expect(
        (await call(local, 'POST', '/sessions/ses_999/upload', { headers: auth, body: 'x' })).status,
      ).toBe(404);
    } finally {
      await local.close();
    }
  });

  it('a missing session does not use up a slot', async () => {
    const local = await startDemoServer({ uploads: { perWindow: 1 } });
    try {
      const auth = await signUp(local);
      expect(
        (await call(local, 'POST', '/sessions/ses_404/upload', { headers: auth, body: 'x' })).status,
      ).toBe(404);
      expect((await call(local, 'POST', '/sessions/upload', { headers: auth, body: 'x' })).status).toBe(201);
      const limited = await call(local, 'POST', '/sessions/upload', { headers: auth, body: 'x' });
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('3600');
    } finally {
      await local.close();
    }
  });
});

describe('UploadLimiter', () => {
  it('frees a slot exactly when the oldest upload leaves the window', () => {
    let now = 0;
    const limiter = new UploadLimiter(2, 1000, () => now);
    expect(limiter.take('u')).toEqual({ ok: true, limit: 2, remaining: 1 });
    now = 400;
    expect(limiter.take('u')).toEqual({ ok: true, limit: 2, remaining: 0 });
    now = 999;
    expect(limiter.take('u')).toEqual({ ok: false, limit: 2, retryAfterSeconds: 1 });
    now = 1000;
    expect(limiter.take('u')).toEqual({ ok: true, limit: 2, remaining: 0 });
    expect(() => new UploadLimiter(0, 1000)).toThrow(RangeError);
  });
});
