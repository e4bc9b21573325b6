/**
 * A shared count of iterations still allowed (`--iterations`): every user takes one ticket
 * before each task, so a limit of N runs exactly N tasks however many users share it.
 */

export class IterationBudget {
  constructor(private remaining: number) {}

  take(): boolean {
    if (this.remaining <= 0) return false;
    this.remaining--;
    return true;
  }

  get left(): number {
    return this.remaining;
  }
}
