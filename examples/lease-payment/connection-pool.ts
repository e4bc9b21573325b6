/**
 * A database connection pool, as the lease service's database layer has one: at most `size`
 * queries hold a connection at once, the rest wait in line (first come, first served), and a
 * query that waits longer than `timeoutMs` fails, as SQLAlchemy's QueuePool does. This is what
 * the stress tests push against: the seed's "connection pool limits".
 */

interface Waiter {
  grant: () => void;
  timer: NodeJS.Timeout;
}

export class PoolTimeoutError extends Error {
  constructor(size: number, timeoutMs: number) {
    super(`connection pool of ${size} exhausted: no connection within ${timeoutMs}ms`);
    this.name = 'PoolTimeoutError';
  }
}

export class ConnectionPool {
  readonly size: number;
  readonly timeoutMs: number;
  #free: number;
  readonly #line: Waiter[] = [];

  constructor(options: { size: number; timeoutMs: number }) {
    if (!Number.isInteger(options.size) || options.size < 1) {
      throw new RangeError(`pool size must be a whole number >= 1, got ${options.size}`);
    }
    this.size = options.size;
    this.timeoutMs = options.timeoutMs;
    this.#free = options.size;
  }

  /** Runs `query` on a connection, waiting for one if all are busy. */
  async use<T>(query: () => Promise<T>): Promise<T> {
    await this.#acquire();
    try {
      return await query();
    } finally {
      this.#release();
    }
  }

  #acquire(): Promise<void> {
    if (this.#free > 0) {
      this.#free--;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(waiter.timer);
          resolve();
        },
        timer: setTimeout(() => {
          this.#line.splice(this.#line.indexOf(waiter), 1);
          reject(new PoolTimeoutError(this.size, this.timeoutMs));
        }, this.timeoutMs),
      };
      this.#line.push(waiter);
    });
  }

  /** Hands the connection straight to the next in line, or returns it to the pool. */
  #release(): void {
    const next = this.#line.shift();
    if (next === undefined) this.#free++;
    else next.grant();
  }
}
