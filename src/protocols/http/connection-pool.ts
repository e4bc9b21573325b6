/**
 * A user's keep-alive connections to one origin: up to `cap` of them (one request on the wire at
 * a time each, no pipelining), opened on demand.
 *
 * Each lane counts the user's requests on it (running or queued; the exchange decrements the
 * count before the script's `await` resumes), so a user sending requests one after another always
 * gets its one warm connection back, and concurrent requests spread over more connections.
 */

import { Http1Connection } from './http1-connection.js';
import type { ConnectionSettings } from './socket-connect.js';
import type { OriginInfo } from './url.js';

/** One connection and how many of this user's requests are on it (running or queued). */
export class Lane {
  inflight = 0;
  constructor(readonly connection: Http1Connection) {}
}

export class ConnectionPool {
  private readonly lanes: Lane[] = [];

  constructor(
    private readonly origin: OriginInfo,
    private readonly settings: ConnectionSettings,
    private readonly cap: number,
  ) {}

  /** An idle lane, else a new one while under the cap, else the least busy (requests queue on it). */
  acquire(): Lane {
    const lanes = this.lanes;
    let least: Lane | undefined;
    for (let i = 0; i < lanes.length; i++) {
      const lane = lanes[i] as Lane;
      if (lane.inflight === 0) return lane;
      if (least === undefined || lane.inflight < least.inflight) least = lane;
    }
    if (least !== undefined && lanes.length >= this.cap) return least;
    const lane = new Lane(new Http1Connection(this.origin.target, this.settings));
    lanes.push(lane);
    return lane;
  }

  /** How many connections (lanes) were opened. */
  get size(): number {
    return this.lanes.length;
  }

  async close(): Promise<void> {
    await Promise.all(this.lanes.map((lane) => lane.connection.close()));
  }

  async destroy(reason: Error): Promise<void> {
    await Promise.all(this.lanes.map((lane) => lane.connection.destroy(reason)));
  }
}
