/**
 * What every protocol client of one virtual user records under, shared by all of them: the
 * recorder scope of the task now running (or of the `vu.group()` it is in) and when the user's
 * iteration was due. The user's HTTP client holds both fields (the user sets them before each
 * task); WebSocket, SSE and gRPC clients read them from it, so a group's rows and an open-model
 * run's late starts apply to every protocol alike.
 */

export interface UserScope {
  /** The recorder scope rows are made in now. */
  scope: number;
  /**
   * When the iteration was due (a `performance.now()` time), NaN once used: the first sample of
   * the iteration, whatever its protocol, counts its latency from then (open-model runs).
   */
  dueAt: number;
}

/**
 * When a sample starting `now` counts from: the due time if that was earlier, else `now`. The
 * due time is used up, as only the iteration's first sample was late by it.
 */
export function takeStart(user: UserScope, now: number): number {
  const due = user.dueAt;
  if (due !== due) return now;
  user.dueAt = Number.NaN;
  return due < now ? due : now;
}
