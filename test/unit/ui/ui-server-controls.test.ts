/**
 * The web UI server's run controls over real HTTP on loopback: Edit (`POST /api/load`), Reset
 * stats (`POST /api/reset`) and the CSV downloads, with their refusals (409 when the run cannot,
 * 400 for a bad body) and the guards every action has (JSON posts only, this page's origin).
 */

import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../src/metrics/result.js';
import type { UiLoadChange, UiState } from '../../../src/ui/ui-messages.js';
import { parseForm } from '../../../src/ui/ui-requests.js';
import { UiServer, type UiServerOptions } from '../../../src/ui/ui-server.js';
import { fixtureResult } from '../outputs/fixture-result.js';

const STATE: UiState = {
  phase: 'running',
  scenario: 'test',
  file: null,
  form: { users: 2, spawnRate: 1, runTime: '', host: 'http://127.0.0.1:1' },
  startable: true,
  fixedLoad: null,
  restartable: true,
  userClasses: [{ name: 'Reader', weight: 1 }],
  startedAt: null,
  version: 'test',
};

let server: UiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function open(options: Partial<UiServerOptions> = {}, state: Partial<UiState> = {}): Promise<string> {
  server = new UiServer({ host: '127.0.0.1', port: 0, state: { ...STATE, ...state }, ...options });
  return (await server.listen()).url;
}

function post(url: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(new URL(path, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('POST /api/load', () => {
  it('hands a valid load to the run and shows it as the form’s values', async () => {
    const changes: UiLoadChange[] = [];
    const url = await open({ onLoad: (change) => void changes.push(change) });
    const res = await post(url, 'api/load', { users: 8, spawnRate: 4 });
    expect(res.status).toBe(202);
    expect(await res.text()).toBe('ramping to 8 users at 4/s');
    expect(changes).toEqual([{ users: 8, spawnRate: 4 }]);
  });

  it('refuses a bad body with 400, and what the run refuses with 409', async () => {
    const url = await open({ onLoad: () => 'only while the run is running' });
    const bad = await post(url, 'api/load', { users: 0, spawnRate: 4 });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/^Number of users: expected a whole number/);
    expect((await post(url, 'api/load', { users: 3, spawnRate: -1 })).status).toBe(400);
    expect((await post(url, 'api/load', '[1]')).status).toBe(400);
    const refused = await post(url, 'api/load', { users: 3, spawnRate: 1 });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toBe('only while the run is running');
  });

  it('refuses with 409 before the run, and for a fixed load, saying why', async () => {
    let called = false;
    const onLoad = (): undefined => void (called = true);
    const waiting = await open({ onLoad }, { phase: 'waiting' });
    const early = await post(waiting, 'api/load', { users: 3, spawnRate: 1 });
    expect(early.status).toBe(409);
    expect(await early.text()).toMatch(/only while the run is running; it is waiting/);
    await server?.close();
    const fixed = await open({ onLoad }, { fixedLoad: 'stages' });
    const res = await post(fixed, 'api/load', { users: 3, spawnRate: 1 });
    expect(res.status).toBe(409);
    expect(await res.text()).toBe("this run's load is fixed (stages): only a plain number of users can change while it runs");
    expect(called).toBe(false);
  });

  it('takes only JSON posts from this page’s own origin', async () => {
    const url = await open({ onLoad: () => undefined });
    expect((await post(url, 'api/load', { users: 3, spawnRate: 1 }, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post(url, 'api/load', { users: 3, spawnRate: 1 }, { origin: 'http://evil.example' })).status).toBe(403);
  });
});

describe('POST /api/reset', () => {
  it('resets the run’s statistics and tells the pages', async () => {
    let resets = 0;
    const url = await open({ onReset: () => void resets++ });
    const events = await fetch(new URL('events', url));
    const reader = (events.body as ReadableStream<Uint8Array>).getReader();
    const res = await post(url, 'api/reset', {});
    expect(res.status).toBe(202);
    expect(resets).toBe(1);
    let seen = '';
    while (!seen.includes('event: reset')) seen += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
  });

  it('refuses with 409 unless the run is running', async () => {
    const url = await open({ onReset: () => undefined }, { phase: 'finished' });
    const res = await post(url, 'api/reset', {});
    expect(res.status).toBe(409);
    expect(await res.text()).toMatch(/only while the run is running; it is finished/);
  });
});

describe('CSV downloads', () => {
  it('serve the statistics so far under Locust’s names, and the history only after the end', async () => {
    const soFar: { result?: Result } = {};
    const url = await open({ resultSoFar: () => soFar.result });
    expect((await fetch(new URL('requests.csv', url))).status).toBe(404);
    soFar.result = fixtureResult();
    const res = await fetch(new URL('requests.csv', url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="requests.csv"');
    expect((await res.text()).split('\r\n')[0]).toMatch(/^Type,Name,Request Count,Failure Count,/);
    const failures = await fetch(new URL('failures.csv', url));
    expect((await failures.text()).split('\r\n')[0]).toBe('Method,Name,Error,Occurrences');
    expect((await fetch(new URL('stats_history.csv', url))).status).toBe(404);
  });
});

describe('parseForm', () => {
  const form = { users: 2, spawnRate: 1, runTime: '', host: 'http://127.0.0.1:1' };
  it('takes the ticked user classes, and refuses none', () => {
    expect(parseForm(JSON.stringify({ ...form, userClasses: ['A', 'A', 'B'] }))).toEqual({ ...form, userClasses: ['A', 'B'] });
    expect(parseForm(JSON.stringify(form))).toEqual(form);
    expect(parseForm(JSON.stringify({ ...form, userClasses: [] }))).toBe('User classes: tick at least one user class to run');
    expect(parseForm(JSON.stringify({ ...form, userClasses: [3] }))).toBe('User classes: expected a list of class names');
  });
});
