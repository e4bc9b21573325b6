/**
 * The origins one client talks to. Each is parsed once, when the client first meets it, and
 * found again by the prefix of an absolute URL as written (`HTTP://Host:80`) or by its canonical
 * origin, so a request to a known origin costs one map lookup. Each keeps its own connection pool
 * (opened on first use); the heads of its plain requests are shared with every client that has
 * the same default headers.
 */

import { ConnectionPool, type Lane } from './connection-pool.js';
import type { ConnectionSettings } from './socket-connect.js';
import { type HeadCache, sharedHeadCache } from './request-head.js';
import { type OriginInfo, parseOrigin } from './url.js';

export interface Target {
  readonly info: OriginInfo;
  pool: ConnectionPool | undefined;
  /** Heads of the requests sent with the default headers and no body. */
  readonly heads: HeadCache;
}

export class Targets {
  /** The base URL's origin, which relative paths go to. */
  readonly base: Target | undefined;
  /** By the origin prefix as written in URLs, and by canonical origin. */
  private readonly byPrefix = new Map<string, Target>();

  constructor(
    baseUrl: string | undefined,
    private readonly settings: ConnectionSettings,
    /** Keep-alive connections per origin. */
    private readonly connections: number,
    /** The client's default headers, which the heads of its plain requests carry. */
    private readonly headers: object,
  ) {
    if (baseUrl !== undefined) {
      const info = parseOrigin(baseUrl, true);
      this.base = { info, pool: undefined, heads: sharedHeadCache(headers, info) };
      this.byPrefix.set(info.origin, this.base);
    }
  }

  /** The target of an absolute URL's origin prefix, parsed on first sight. */
  get(prefix: string): Target {
    let target = this.byPrefix.get(prefix);
    if (target === undefined) {
      const info = parseOrigin(prefix, false);
      target = this.byPrefix.get(info.origin);
      if (target === undefined) {
        target = { info, pool: undefined, heads: sharedHeadCache(this.headers, info) };
        this.byPrefix.set(info.origin, target);
      }
      this.byPrefix.set(prefix, target);
    }
    return target;
  }

  /** A connection for a request to `target`: the target's pool opens on first use. */
  lane(target: Target): Lane {
    return (target.pool ?? this.connect(target)).acquire();
  }

  /** Every pool opened so far, once each. */
  pools(): ConnectionPool[] {
    const out = new Set<ConnectionPool>();
    for (const target of this.byPrefix.values()) if (target.pool !== undefined) out.add(target.pool);
    return [...out];
  }

  private connect(target: Target): ConnectionPool {
    target.pool = new ConnectionPool(target.info, this.settings, this.connections);
    return target.pool;
  }
}
