/**
 * The pool of users an open-model executor runs arrivals on: idle users are reused, new ones
 * started on demand up to a cap, and an arrival that finds neither is counted as dropped.
 *
 * An arrival costs no promise or closure of the pool's own: a user iterates into one handler
 * bound once (`release`), and the pool counts what is in flight rather than keeping it in a set.
 * Idle users are a stack, so the one that finished last (its connection warm) goes first.
 */

import type { SegmentOwnership } from '../segment.js';
import type { VirtualUser } from '../virtual-user.js';
import type { ExecutorRuntime } from './executor.js';

export class UserPool {
  private readonly idle: VirtualUser[] = [];
  /** Iterations in flight, and users being made for one. */
  private busy = 0;
  /** Resolves drain()'s wait once nothing is in flight. */
  private drained: (() => void) | undefined = undefined;
  /** Users that finished their iteration after the run stopped, being retired. */
  private readonly retiring: Promise<void>[] = [];
  /** The first failure to make a user on demand, for drain() to throw. */
  private failure: { error: unknown } | undefined = undefined;
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
      this.busy++;
      user.iterateThen(dueAt, this.release);
      return true;
    }
    if (this.created < this.maxUsers) {
      this.created++;
      this.busy++;
      this.runtime.createUser(this.nextIndex()).then(
        (fresh) => {
          if (fresh === null) this.settled();
          else fresh.iterateThen(dueAt, this.release);
        },
        (error: unknown) => {
          this.failure ??= { error };
          this.settled();
        },
      );
      return true;
    }
    this.runtime.recorder.droppedIteration();
    return false;
  }

  /** Waits for iterations in flight, then retires every user. */
  async drain(): Promise<void> {
    if (this.busy > 0) {
      await new Promise<void>((resolve) => {
        this.drained = resolve;
      });
    }
    await Promise.all([...this.retiring, ...this.idle.splice(0).map((user) => this.runtime.retireUser(user))]);
    if (this.failure !== undefined) throw this.failure.error;
  }

  /** A user's iteration settled: it is free again, or retired once the run has stopped. */
  private readonly release = (user: VirtualUser): void => {
    if (this.runtime.stopSignal.aborted) this.retiring.push(this.runtime.retireUser(user));
    else this.idle.push(user);
    this.settled();
  };

  private settled(): void {
    if (--this.busy === 0) this.drained?.();
  }

  /** Global user indices this segment owns, in order: user ids stay unique across workers. */
  private nextIndex(): number {
    while (!this.ownership.owns(this.candidate)) this.candidate++;
    return this.candidate++;
  }
}
