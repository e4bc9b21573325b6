/**
 * The pool of users an open-model executor runs arrivals on: idle users are reused, new ones
 * started on demand up to a cap, and an arrival that finds neither is counted as dropped.
 */

import type { SegmentOwnership } from '../segment.js';
import type { VirtualUser } from '../virtual-user.js';
import type { ExecutorRuntime } from './executor.js';

export class UserPool {
  private readonly idle: VirtualUser[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private created = 0;
  private candidate = 0;

  constructor(
    private readonly runtime: ExecutorRuntime,
    private readonly ownership: SegmentOwnership,
    /** Users this pool may have at once. */
    public maxUsers: number,
  ) {}

  /** Starts `count` users before the first arrival, so the first seconds are not spent in onStart. */
  async preallocate(count: number): Promise<void> {
    const take = Math.min(count, this.maxUsers - this.created);
    this.created += take;
    const started = await Promise.all(
      Array.from({ length: take }, () => this.runtime.createUser(this.nextIndex())),
    );
    for (const user of started) if (user !== null) this.idle.push(user);
  }

  /** Runs one iteration due at `dueAt` (clock ms) on a free user; false when it was dropped. */
  dispatch(dueAt: number): boolean {
    const user = this.idle.pop();
    if (user !== undefined) {
      this.track(this.iterateOn(user, dueAt));
      return true;
    }
    if (this.created < this.maxUsers) {
      this.created++;
      const index = this.nextIndex();
      this.track(
        this.runtime
          .createUser(index)
          .then((fresh) => (fresh === null ? undefined : this.iterateOn(fresh, dueAt))),
      );
      return true;
    }
    this.runtime.recorder.droppedIteration();
    return false;
  }

  /** Waits for iterations in flight, then retires every user. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
    await Promise.all(this.idle.splice(0).map((user) => this.runtime.retireUser(user)));
  }

  private async iterateOn(user: VirtualUser, dueAt: number): Promise<void> {
    await user.iterate(dueAt);
    if (this.runtime.stopSignal.aborted) await this.runtime.retireUser(user);
    else this.idle.push(user);
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  /** Global user indices this segment owns, in order: user ids stay unique across workers. */
  private nextIndex(): number {
    while (!this.ownership.owns(this.candidate)) this.candidate++;
    return this.candidate++;
  }
}
