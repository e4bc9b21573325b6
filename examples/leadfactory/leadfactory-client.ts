/**
 * A small client of LeadFactory's audit-trail and budget API, the calls the benchmarks and
 * stress tests time. It keeps one keep-alive `node:http` agent and parses each JSON answer: a
 * call costs the client a few tens of microseconds, so the figures are the service's. (`fetch`
 * spends about half a millisecond of CPU per call on its own, which would make the concurrency
 * tests measure mostly the client.)
 *
 * Every call states the status it expects and throws on any other, so a wrong answer is a failed
 * operation in a stress test and an error in a benchmark: a test can never pass on 500s.
 */

import { Agent, request } from 'node:http';

/** One audit record: who did what to which entity (the seed's P3-003 audit trail). */
export interface AuditLogInput {
  action: string;
  entityType: string;
  entityId: string;
  actor?: string;
  details?: Record<string, unknown>;
}

/** A budget account's circuit breaker (the seed's P2-040 budget monitor). */
export interface BudgetStatus {
  account: string;
  limit: number;
  spent: number;
  remaining: number;
  state: 'closed' | 'open';
  trips: number;
}

/** The demo has no lead table of its own: `/api/items` plays it, a lead's value as the price. */
export interface Lead {
  id: string;
  name: string;
  price: number;
}

type Query = Record<string, string | number>;

export class LeadFactoryClient {
  readonly #agent = new Agent({ keepAlive: true });
  readonly #hostname: string;
  readonly #port: number;

  /** `baseUrl`: the service, `http://127.0.0.1:PORT`. */
  constructor(baseUrl: string) {
    const url = new URL(baseUrl);
    this.#hostname = url.hostname;
    this.#port = Number(url.port);
  }

  /** One request; resolves with the parsed JSON body once the status is one of `expected`. */
  call<T>(method: string, path: string, body: unknown, expected: number): Promise<T> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise<T>((resolve, reject) => {
      const req = request(
        {
          hostname: this.#hostname,
          port: this.#port,
          method,
          path,
          agent: this.#agent,
          headers:
            payload === undefined
              ? {}
              : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            if (res.statusCode !== expected) {
              const route = path.split('?')[0];
              reject(new Error(`${method} ${route}: expected ${expected}, got ${String(res.statusCode)}`));
              return;
            }
            const text = Buffer.concat(chunks).toString('utf8');
            try {
              resolve((text === '' ? undefined : JSON.parse(text)) as T);
            } catch (error) {
              reject(error);
            }
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  writeAuditLog(entry: AuditLogInput): Promise<{ id: string }> {
    return this.call('POST', '/audit/logs', entry, 201);
  }

  /** An entry the service must refuse (400): the audit trail's "constraint failure". */
  writeInvalidAuditLog(): Promise<{ error: string }> {
    return this.call('POST', '/audit/logs', { action: 'Not A Valid Action!', entityType: 'lead' }, 400);
  }

  /** Up to 100 records in one request. */
  writeAuditLogs(entries: readonly AuditLogInput[]): Promise<{ count: number; ids: string[] }> {
    return this.call('POST', '/audit/logs/bulk', { logs: entries }, 201);
  }

  /** A report query, newest first; filters: `action`, `entityType`, `entityId`, `actor`, `since`, `limit`. */
  queryAuditLogs(query: Query): Promise<{ logs: unknown[]; count: number; hasMore: boolean }> {
    const search = new URLSearchParams(stringValues(query)).toString();
    return this.call('GET', `/audit/logs?${search}`, undefined, 200);
  }

  /** A spend the budget allows (200); throws when the breaker refuses it. */
  checkBudget(account: string, cost: number): Promise<BudgetStatus> {
    return this.call('POST', '/budget/check', { account, cost }, 200);
  }

  /** A spend the open breaker must refuse (503); throws when it is allowed. */
  checkBudgetRefused(account: string, cost: number): Promise<BudgetStatus> {
    return this.call('POST', '/budget/check', { account, cost }, 503);
  }

  /** Closes the account's breaker and starts a new period, optionally with a new limit. */
  resetBudget(account: string, limit?: number): Promise<BudgetStatus> {
    const body = limit === undefined ? {} : { limit };
    return this.call('POST', `/budget/${encodeURIComponent(account)}/reset`, body, 200);
  }

  budgetStatus(account: string): Promise<BudgetStatus> {
    return this.call('GET', `/budget/${encodeURIComponent(account)}`, undefined, 200);
  }

  createLead(name: string, value: number): Promise<Lead> {
    return this.call('POST', '/api/items', { name, price: value }, 201);
  }

  updateLead(id: string, name: string, value: number): Promise<Lead> {
    return this.call('PUT', `/api/items/${encodeURIComponent(id)}`, { name, price: value }, 200);
  }

  /** A GET that must answer 200: health probes. */
  get(path: string): Promise<unknown> {
    return this.call('GET', path, undefined, 200);
  }

  /** Closes the kept-alive connections. */
  close(): void {
    this.#agent.destroy();
  }
}

function stringValues(query: Query): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) out[key] = String(value);
  return out;
}
