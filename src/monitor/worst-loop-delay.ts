/**
 * The worst event-loop delay that other threads reported since the last read. Worker threads
 * run the users, so their loops are the ones that saturate; each measures its own delay and
 * sends its p99 with every snapshot, and the generator's self-check takes the worst of them with
 * its own (a slow worker is a saturated generator, however idle the others are).
 */

/** Anything whose event-loop delay p99 since the previous read can be taken. */
export interface LoopDelaySource {
  takeP99Ms(): number;
}

export class WorstLoopDelay implements LoopDelaySource {
  #worstMs = 0;
  #noted = false;
  #previousMs = 0;

  /** One thread's p99 over its latest interval, ms. */
  note(p99Ms: number): void {
    if (!this.#noted || p99Ms > this.#worstMs) this.#worstMs = p99Ms;
    this.#noted = true;
  }

  /**
   * The worst p99 noted since the previous take. Reports arrive on the workers' clocks, not the
   * reader's: an interval that no report happened to land in repeats the previous value rather
   * than reading as an idle 0, which would break a streak of saturated samples.
   */
  takeP99Ms(): number {
    const worst = this.#noted ? this.#worstMs : this.#previousMs;
    this.#previousMs = this.#noted ? worst : 0;
    this.#noted = false;
    this.#worstMs = 0;
    return worst;
  }
}
