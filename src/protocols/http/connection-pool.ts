/**
 * A user's keep-alive connections to one origin: up to `cap` undici `Client`s (one connection
 * each, no pipelining), created on demand.
 *
 * Why not undici's `Pool`: it learns that a connection is free from a `drain` event it emits in a
 * microtask after the response completes, which is after the script's `await` has resumed. A
 * user sending requests one after another then finds its connection "busy" and opens a second
 * one. Here each lane counts our own in-flight requests (the exchange decrements it before it
 * resolves), so a sequential user always gets its one warm connection back, and the dispatch
 * skips the Pool layer.
 */

import { Client } from 'undici';

export interface ConnectionOptions {
  headersTimeout: number;
  bodyTimeout: number;
  connectTimeout: number;
}

/** One connection and how many of this user's requests are on it (running or queued). */
export class Lane {
  inflight = 0;
  constructor(readonly client: Client) {}
}

export class ConnectionPool {
  private readonly lanes: Lane[] = [];

  constructor(
    private readonly origin: string,
    private readonly options: ConnectionOptions,
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
    const lane = new Lane(new Client(this.origin, this.options));
    lanes.push(lane);
    return lane;
  }

  /** How many connections (lanes) were opened. */
  get size(): number {
    return this.lanes.length;
  }

  async close(): Promise<void> {
    await Promise.all(this.lanes.map((lane) => lane.client.close()));
  }

  async destroy(reason: Error): Promise<void> {
    await Promise.all(this.lanes.map((lane) => lane.client.destroy(reason)));
  }
}
