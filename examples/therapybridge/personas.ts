/**
 * TherapyBridge's user personas (seed 004's load_test.py), shared by the example's scenarios.
 * Every task carries tags, so `--tags` / `--exclude-tags` pick what a run exercises:
 *
 * | persona | does | tags |
 * | `Therapist` | session CRUD, recording uploads, health checks | sessions, read, write, upload, health |
 * | `RateLimitProbe` | uploads back to back; the limit answers 429 | rate-limit, upload |
 * | `DbPoolUser` | bursts of concurrent session queries (the DB pool) | db-pool, read |
 *
 * Each user registers its own account and logs in once; the login sets a session cookie that the
 * user's cookie jar sends from then on. Uploads are rate-limited per user (10 per hour on the
 * demo service; set UPLOAD_LIMIT when the service allows another number).
 */

import { randomUUID } from 'node:crypto';
import { between, constant, defineUser, type HttpResponse, type VuContext } from 'volley';

/** Uploads one user may make per window before 429: the service's limit. */
export const UPLOAD_LIMIT = wholeVar('UPLOAD_LIMIT', 10);
/** Bytes per uploaded recording (the seed's report asks for realistic sizes; 100 KB by default). */
const UPLOAD_BYTES = wholeVar('UPLOAD_BYTES', 100 * 1024);
/** One recording, allocated once and sent by every upload. */
const RECORDING = new Uint8Array(UPLOAD_BYTES).fill(0x61);
const RUN = randomUUID().slice(0, 8);

/** Twenty patients, shared out among the users. */
const patientOf = (vu: VuContext<object>): string => `patient-${vu.id % 20}`;

function wholeVar(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name}: expected a whole number >= 1, got '${raw}'`);
  }
  return value;
}

/** Registers a fresh account and logs in; the session cookie authenticates what follows. */
export async function signIn(vu: VuContext<object>): Promise<void> {
  const credentials = { username: `${vu.user}-${RUN}-${vu.id}`, password: 'load-test-password' };
  await vu.http.post('/api/auth/register', { json: credentials });
  const login = await vu.http.post('/api/auth/login', { json: credentials });
  if (!vu.check(login, { 'logged in': (r) => r.status === 200 }, { failRequest: true })) {
    throw new Error(`login failed: HTTP ${login.status}`);
  }
}

/** The checks an upload answer must pass: accepted, or refused by the rate limit with Retry-After. */
export function checkUpload(vu: VuContext<object>, res: HttpResponse): void {
  vu.check(res, {
    'upload accepted (201) or rate-limited (429)': (r) => r.status === 201 || r.status === 429,
    '429 carries Retry-After in seconds': (r) => r.status !== 429 || retryAfterSeconds(r) !== undefined,
  });
}

/** The `Retry-After` header as whole seconds (> 0), if it is one. */
export function retryAfterSeconds(res: HttpResponse): number | undefined {
  const header = res.headers['retry-after'];
  const seconds = typeof header === 'string' && /^\d+$/.test(header) ? Number(header) : Number.NaN;
  return seconds > 0 ? seconds : undefined;
}

/**
 * Uploads a recording, to a new session or to `sessionId`; a 429 is the rate limit doing its job,
 * so it counts as a success (the checks above tell a proper 429 from a bad one).
 */
export function upload(vu: VuContext<object>, sessionId?: string): Promise<HttpResponse> {
  const options = { body: RECORDING, headers: { 'content-type': 'audio/mpeg' }, expect: [201, 429] };
  if (sessionId !== undefined) {
    return vu.http.post(`/sessions/${sessionId}/upload`, { ...options, name: '/sessions/[id]/upload' });
  }
  return vu.http.post('/sessions/upload', { ...options, query: { patientId: patientOf(vu) } });
}

interface TherapistState {
  sessions: string[];
}

/** The realistic therapist: mostly reads, some writes, the occasional recording upload. */
export const Therapist = defineUser<TherapistState>({
  name: 'Therapist',
  weight: 8,
  wait: between('1s', '3s'),
  async onStart(vu) {
    vu.state.sessions = [];
    await signIn(vu);
  },
  tasks: [
    {
      name: 'list sessions',
      weight: 5,
      tags: ['sessions', 'read'],
      run: ({ http }) => http.get('/sessions', { query: { limit: 20 } }),
    },
    {
      name: 'create session',
      weight: 2,
      tags: ['sessions', 'write'],
      run: async (vu) => {
        const res = await vu.http.post('/sessions', {
          json: { patientId: patientOf(vu), date: '2025-03-14', durationMinutes: 50, notes: 'intake' },
        });
        if (res.status === 201) remember(vu.state.sessions, res.json<{ id: string }>().id);
      },
    },
    {
      name: 'open session',
      weight: 3,
      tags: ['sessions', 'read'],
      run: (vu) => withSession(vu, (id) => vu.http.get(`/sessions/${id}`, { name: '/sessions/[id]' })),
    },
    {
      name: 'update notes',
      weight: 1,
      tags: ['sessions', 'write'],
      run: (vu) =>
        withSession(vu, (id) =>
          vu.http.patch(`/sessions/${id}`, { name: '/sessions/[id]', json: { notes: 'progress noted' } }),
        ),
    },
    {
      name: 'upload recording',
      weight: 1,
      tags: ['upload'],
      run: (vu) =>
        withSession(vu, async (id) => {
          checkUpload(vu, await upload(vu, id));
        }),
    },
    { name: 'health', weight: 1, tags: ['health'], run: ({ http }) => http.get('/health') },
  ],
});

function remember(ids: string[], id: string): void {
  ids.push(id);
  if (ids.length > 20) ids.shift();
}

/** Runs `action` on one of the user's sessions, creating one first if it has none. */
async function withSession(
  vu: VuContext<TherapistState>,
  action: (id: string) => Promise<unknown>,
): Promise<void> {
  if (vu.state.sessions.length === 0) {
    const res = await vu.http.post('/sessions', { json: { patientId: patientOf(vu), date: '2025-03-14' } });
    if (res.status !== 201) return;
    remember(vu.state.sessions, res.json<{ id: string }>().id);
  }
  const id = vu.state.sessions[Math.floor(vu.random() * vu.state.sessions.length)] as string;
  await action(id);
}

/** Hammers the upload endpoint to show the limit holds under load (the seed's rate-limit persona). */
export const RateLimitProbe = defineUser({
  name: 'RateLimitProbe',
  weight: 1,
  wait: constant('200ms'),
  onStart: signIn,
  tasks: [
    {
      name: 'rapid upload',
      tags: ['rate-limit', 'upload'],
      run: async (vu) => checkUpload(vu, await upload(vu)),
    },
  ],
});

/** Bursts of concurrent queries, to stress the service's database connection pool. */
export const DbPoolUser = defineUser({
  name: 'DbPoolUser',
  weight: 1,
  wait: between('0.5s', '1s'),
  onStart: signIn,
  tasks: [
    {
      name: 'query burst',
      tags: ['db-pool', 'read'],
      run: ({ http }) =>
        Promise.all(Array.from({ length: 10 }, () => http.get('/sessions', { query: { limit: 50 } }))),
    },
  ],
});
