/**
 * Therapy sessions behind `/sessions` (seed 004): each user's own sessions (another user's
 * session reads as missing, as it would behind row-level access control), with counters of the
 * recordings uploaded to them. The recordings themselves are never kept: the demo counts their
 * bytes and drops them, so upload tests cost no memory.
 */

import { checkCapacity, pushCapped, setCapped } from './capped.js';

export const SESSION_STATUSES = ['scheduled', 'completed', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export interface SessionInput {
  patientId: string;
  /** YYYY-MM-DD. */
  date: string;
  durationMinutes: number;
  notes: string;
}

export interface SessionPatch {
  date?: string;
  durationMinutes?: number;
  notes?: string;
  status?: SessionStatus;
}

export interface Session extends SessionInput {
  id: string;
  status: SessionStatus;
  uploads: number;
  uploadedBytes: number;
  createdAt: string;
  updatedAt: string;
}

export interface Upload {
  id: string;
  sessionId: string;
  bytes: number;
  contentType: string;
  receivedAt: string;
}

export const DEFAULT_SESSION_CAPACITY = 50_000;
const SESSIONS_LISTED_PER_USER = 500;

export class SessionStore {
  readonly #sessions = new Map<string, { owner: string; session: Session }>();
  readonly #byOwner = new Map<string, string[]>();
  readonly #capacity: number;
  readonly #now: () => number;
  #nextSession = 1;
  #nextUpload = 1;

  constructor(now: () => number = Date.now, capacity = DEFAULT_SESSION_CAPACITY) {
    this.#now = now;
    this.#capacity = checkCapacity('session store', capacity);
  }

  create(owner: string, input: SessionInput): Session {
    const at = new Date(this.#now()).toISOString();
    const session: Session = {
      id: `ses_${this.#nextSession++}`,
      ...input,
      status: 'scheduled',
      uploads: 0,
      uploadedBytes: 0,
      createdAt: at,
      updatedAt: at,
    };
    setCapped(this.#sessions, session.id, { owner, session }, this.#capacity);
    let ids = this.#byOwner.get(owner);
    if (ids === undefined) {
      ids = [];
      setCapped(this.#byOwner, owner, ids, this.#capacity);
    }
    pushCapped(ids, session.id, SESSIONS_LISTED_PER_USER);
    return session;
  }

  get(owner: string, id: string): Session | undefined {
    const entry = this.#sessions.get(id);
    return entry === undefined || entry.owner !== owner ? undefined : entry.session;
  }

  update(owner: string, id: string, patch: SessionPatch): Session | undefined {
    const session = this.get(owner, id);
    if (session === undefined) return undefined;
    Object.assign(session, patch, { updatedAt: new Date(this.#now()).toISOString() });
    return session;
  }

  delete(owner: string, id: string): boolean {
    if (this.get(owner, id) === undefined) return false;
    return this.#sessions.delete(id);
  }

  /** The owner's newest sessions first, after filters. */
  list(
    owner: string,
    filter: { patientId?: string | undefined; status?: SessionStatus | undefined },
    limit: number,
  ): { sessions: Session[]; total: number } {
    const ids = this.#byOwner.get(owner) ?? [];
    const sessions: Session[] = [];
    let total = 0;
    for (let i = ids.length - 1; i >= 0; i--) {
      const session = this.get(owner, ids[i] as string);
      if (session === undefined) continue;
      if (filter.patientId !== undefined && session.patientId !== filter.patientId) continue;
      if (filter.status !== undefined && session.status !== filter.status) continue;
      total++;
      if (sessions.length < limit) sessions.push(session);
    }
    return { sessions, total };
  }

  /** Records a received recording against a session. */
  recordUpload(session: Session, bytes: number, contentType: string): Upload {
    const at = new Date(this.#now()).toISOString();
    session.uploads++;
    session.uploadedBytes += bytes;
    session.updatedAt = at;
    return { id: `upl_${this.#nextUpload++}`, sessionId: session.id, bytes, contentType, receivedAt: at };
  }
}
