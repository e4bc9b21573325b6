/**
 * The live web UI through the real CLI (`volley run … --ui --ui-port 0`): the page and its event
 * stream, the start form (refused with a message, then accepted), live progress with the
 * endpoints table, the end with the verdict, and the reports served afterwards; Stop from the
 * page ends a run early (exit 3, as Ctrl-C does). Who may use it: a foreign Host or Origin is
 * refused (403) and, with a token, requests without it are too (401).
 */

import type { ChildProcess } from 'node:child_process';
import { type IncomingHttpHeaders, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/metrics/result.js';
import type { UiEnd, UiHistoryPoint, UiProgress, UiState } from '../../src/ui/ui-messages.js';
import { runCli, tempDir, writeScenario } from '../helpers/cli.js';
import { type LoopbackServer, startServer } from '../helpers/loopback-server.js';

let target: LoopbackServer;
/** Every CLI started here: one a failed test left waiting for its start form is killed at the end. */
const children: ChildProcess[] = [];
beforeAll(async () => {
  target = await startServer((req, res) => {
    if (req.url === '/missing') res.statusCode = 404;
    setTimeout(() => res.end('ok'), 5);
  });
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await target.close();
});

const SCENARIO = `
import { constant, defineScenario, defineUser } from 'volley';
export const Reader = defineUser({ weight: 3, wait: constant('10ms'), tasks: { read: ({ http }) => http.get('/items') } });
export default defineScenario({ name: 'ui demo', users: [Reader], load: { users: 2, duration: '30s' }, thresholds: ['p95<1s'] });
`;

interface UiEvent {
  event: string;
  data: unknown;
}

/** Reads the page's event stream, handing each event to `seen` until it returns true. */
async function readEvents(base: string, seen: (event: UiEvent) => boolean): Promise<void> {
  const controller = new AbortController();
  const response = await fetch(`${base}events`, { signal: controller.signal });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const name = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (name !== undefined && data !== undefined && seen({ event: name, data: JSON.parse(data) })) return;
        end = buffer.indexOf('\n\n');
      }
    }
  } finally {
    controller.abort();
  }
}

function post(base: string, path: string, body: unknown, type = 'application/json'): Promise<Response> {
  return fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': type }, body: JSON.stringify(body) });
}

/** Starts `volley run … --ui --ui-port 0` and resolves with the UI's URL once it listens. */
function startUi(
  flags: string[],
  source = SCENARIO,
): { url: Promise<string>; exit: ReturnType<typeof runCli>; child: () => ChildProcess | undefined } {
  const dir = tempDir();
  const file = writeScenario(dir, 'load.ts', source);
  let resolveUrl: (url: string) => void = () => undefined;
  const url = new Promise<string>((resolve) => {
    resolveUrl = resolve;
  });
  let spawned: ChildProcess | undefined;
  const exit = runCli(['run', file, '-H', target.url, '--ui', '--ui-port', '0', '-q', ...flags], {
    timeoutMs: 40_000,
    onSpawn: (child: ChildProcess) => {
      children.push(child);
      spawned = child;
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const found = /Web UI: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr);
        if (found?.[1] !== undefined) resolveUrl(found[1]);
      });
    },
  });
  return { url, exit, child: () => spawned };
}

describe('volley run --ui', () => {
  it('waits for the start form, runs with its values, streams progress, and serves the reports', async () => {
    // The UI stays up after each run (no --autoquit): a second run, then Ctrl-C ends it.
    const { url, exit, child } = startUi([]);
    const base = await url;

    const page = await fetch(base);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/^<!doctype html>/i);

    let state: UiState | undefined;
    await readEvents(base, (e) => {
      state = e.data as UiState;
      return e.event === 'state';
    });
    expect(state).toMatchObject({
      phase: 'waiting',
      scenario: 'ui demo',
      startable: true,
      form: { users: 2, runTime: '30s', host: target.url },
      userClasses: [{ name: 'Reader', weight: 3 }],
    });

    // Not JSON: refused before it is read; bad values: refused with a message for the form.
    expect((await post(base, 'api/start', {}, 'text/plain')).status).toBe(415);
    const refused = await post(base, 'api/start', { users: 0, spawnRate: 10, runTime: '', host: target.url });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/Number of users/);
    const badTime = await post(base, 'api/start', { users: 3, spawnRate: 10, runTime: 'soon', host: target.url });
    expect(badTime.status).toBe(400);
    expect(await badTime.text()).toMatch(/-t\/--run-time|run time|duration/i);

    const events = readEventsUntilEnd(base);
    const started = await post(base, 'api/start', { users: 3, spawnRate: 100, runTime: '2s', host: target.url });
    expect(started.status).toBe(202);
    const { progress, end } = await events;
    expect(progress.length).toBeGreaterThan(0);
    const last = progress.at(-1) as UiProgress;
    expect(last.endpoints).toEqual([
      expect.objectContaining({ userClass: 'Reader', method: 'GET', name: '/items', failures: 0 }),
    ]);
    expect(Math.max(...progress.map((p) => p.users))).toBe(3);
    expect(end.verdict).toBe('passed');
    expect(end.thresholds).toEqual([expect.objectContaining({ expression: 'p95<1s', passed: true })]);

    const result = (await (await fetch(`${base}result.json`)).json()) as Result;
    expect(result.totals.requests).toBe(end.totals.requests);
    expect(result.totals.requests).toBeGreaterThan(50);
    // The form's 2 s, not the scenario's 30 s (with room for a busy machine's slow start and stop).
    expect(result.durationMs).toBeLessThan(10_000);
    const report = await (await fetch(`${base}report.html`)).text();
    expect(report).toContain('ui demo');

    // New test: back to the form, and a second run with other values.
    expect((await post(base, 'api/new', {})).status).toBe(202);
    const again = readEventsUntilEnd(base);
    expect((await post(base, 'api/start', { users: 1, spawnRate: 10, runTime: '2s', host: target.url })).status).toBe(202);
    const second = await again;
    expect(Math.max(...second.progress.map((p) => p.users))).toBe(1);
    const secondResult = (await (await fetch(`${base}result.json`)).json()) as Result;
    expect(secondResult.durationMs).toBeLessThan(10_000);
    expect(secondResult.totals.requests).toBe(second.end.totals.requests);

    child()?.kill('SIGINT');
    const cli = await exit;
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain('PASSED');
  });

  it('--autostart starts at once; Stop from the page ends the run early, like Ctrl-C (exit 3)', async () => {
    const { url, exit } = startUi(['--autostart', '--autoquit', '0']);
    const base = await url;
    let state: UiState | undefined;
    await readEvents(base, (e) => {
      if (e.event === 'state') state = e.data as UiState;
      return e.event === 'progress';
    });
    expect(state).toMatchObject({ startable: false });
    // A page that connects in the middle of the run gets the seconds so far, to chart from 0:00.
    let history: UiHistoryPoint[] = [];
    await readEvents(base, (e) => {
      if (e.event === 'history') history = e.data as UiHistoryPoint[];
      return e.event === 'progress';
    });
    expect(history.length).toBeGreaterThan(0);
    expect(history[0]).toEqual(expect.objectContaining({ users: expect.any(Number) as number, t: expect.any(Number) as number }));
    expect((await post(base, 'api/start', { users: 1, spawnRate: 1, runTime: '', host: target.url })).status).toBe(409);
    const events = readEventsUntilEnd(base);
    expect((await post(base, 'api/stop', {})).status).toBe(202);
    const { end } = await events;
    expect(end.verdict).toBe('aborted');
    const cli = await exit;
    expect(cli.code).toBe(3);
  });
});

describe('volley run --ui: who may use it', () => {
  it('refuses a foreign Host (DNS rebinding) and a cross-origin post, and asks for the token it was given', async () => {
    const token = 'a-token-0123456789';
    const { url, exit } = startUi(['--ui-token', token, '--autoquit', '0']);
    const base = await url;
    const port = new URL(base).port;
    const own = `127.0.0.1:${port}`;
    const json = { 'content-type': 'application/json' };
    const form = { users: 1, spawnRate: 10, runTime: '1s', host: target.url };

    // A foreign Host is refused before anything else, even with the token.
    for (const [method, path] of [['GET', '/'], ['GET', '/result.json'], ['GET', '/events'], ['POST', '/api/stop'], ['POST', '/api/start']] as const) {
      const reply = await ask(port, method, `${path}?token=${token}`, { host: 'evil.example', ...json }, form);
      expect([path, reply.status, reply.body]).toEqual([path, 403, 'forbidden: the Host header does not name this server']);
    }
    // Loopback names with the port pass the Host check (and then need the token).
    for (const host of [own, `localhost:${port}`, `[::1]:${port}`]) {
      expect((await ask(port, 'GET', '/', { host })).status, host).toBe(401);
    }
    const wrong = await ask(port, 'GET', '/?token=not-the-token-at-all', { host: own });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toContain('needs its token');

    // The URL's token: the page, and a cookie its own requests carry from then on.
    const first = await ask(port, 'GET', `/?token=${token}`, { host: own });
    expect(first.status).toBe(200);
    const cookie = first.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toBe(`volley_ui_${port}=${token}; Path=/; HttpOnly; SameSite=Strict`);
    const jar = { host: own, cookie: cookie.split(';')[0] as string };
    expect((await ask(port, 'GET', '/report.html', jar)).status).toBe(404);
    expect((await ask(port, 'GET', '/report.html', { host: own, authorization: `Bearer ${token}` })).status).toBe(404);

    // A post from another origin is refused; from this page's origin it starts the run.
    const evil = await ask(port, 'POST', '/api/start', { ...jar, ...json, origin: 'http://evil.example' }, form);
    expect([evil.status, evil.body]).toEqual([403, 'forbidden: a request from another origin']);
    const started = await ask(port, 'POST', '/api/start', { ...jar, ...json, origin: `http://${own}` }, form);
    expect(started.status).toBe(202);
    const cli = await exit;
    expect(cli.code).toBe(0);
    expect(cli.stderr).toContain(`Web UI: ${base}?token=${token}`);
  });

  it('refuses a --ui-token that is too short, naming the flag (exit 2)', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'load.ts', SCENARIO);
    const cli = await runCli(['run', file, '-H', target.url, '--ui', '--ui-port', '0', '--ui-token', 'short']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/--ui-token: expected 16 to 256 letters/);
  });
});

/** A request with headers fetch() will not send as given (Host), via node:http. */
function ask(
  port: string,
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; body: string; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        // The event stream stays open: its first event is enough.
        if (path.startsWith('/events')) res.destroy();
      });
      res.on('close', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? JSON.stringify(body) : undefined);
  });
}

describe('volley run --ui on a scenario with its own load model', () => {
  it('offers only the host, and Start runs the stages as written', async () => {
    const stages = SCENARIO.replace(
      "load: { users: 2, duration: '30s' }",
      "load: { stages: [{ duration: '1s', target: 2 }, { duration: '1s', target: 2 }] }",
    ).replace("tasks: { read: ({ http }) => http.get('/items') }", "tasks: { read: ({ http }) => http.get('/items'), lost: ({ http }) => http.get('/missing') }");
    const { url, exit } = startUi(['--autoquit', '0'], stages);
    const base = await url;
    let state: UiState | undefined;
    await readEvents(base, (e) => {
      state = e.data as UiState;
      return e.event === 'state';
    });
    expect(state?.fixedLoad).toBe('stages');
    const events = readEventsUntilEnd(base);
    // Users and run time in the post are ignored: the stages decide.
    expect((await post(base, 'api/start', { users: 9, spawnRate: 9, runTime: '30s', host: target.url })).status).toBe(202);
    // Edit is not for a load the scenario fixes: refused, before or during the run.
    const edit = await post(base, 'api/load', { users: 5, spawnRate: 5 });
    expect(edit.status).toBe(409);
    expect(await edit.text()).toMatch(/load is fixed \(stages\)|only while the run is running/);
    const { progress } = await events;
    expect(Math.max(...progress.map((p) => p.users))).toBe(2);
    // The Failures tab's figures: the 404s, grouped, with their running count.
    const errors = progress.at(-1)?.errors ?? [];
    expect(errors).toEqual([
      expect.objectContaining({ userClass: 'Reader', method: 'GET', name: '/missing', message: 'HTTP 404 Not Found' }),
    ]);
    expect(errors[0]?.count).toBeGreaterThan(0);
    const cli = await exit;
    expect(cli.code).toBe(0);
  });
});

async function readEventsUntilEnd(base: string): Promise<{ progress: UiProgress[]; end: UiEnd }> {
  const progress: UiProgress[] = [];
  let end: UiEnd | undefined;
  await readEvents(base, (e) => {
    if (e.event === 'progress') progress.push(e.data as UiProgress);
    if (e.event === 'end') end = e.data as UiEnd;
    return end !== undefined;
  });
  if (end === undefined) throw new Error('the event stream closed before the end');
  return { progress, end };
}
