/**
 * The messages a streaming call receives, as an async iterator. Unlike a Node stream's own
 * iterator, leaving a `for await` loop early does not cancel the call: it only stops keeping
 * messages (they are still counted), so the call runs to the status the server gives and that
 * is what gets recorded. A bidi script writes, reads a reply, breaks, and writes again; a
 * message that arrives between two loops waits for the next one (messages are kept until read or
 * until the call object is dropped).
 */

export class MessageQueue<Message> implements AsyncIterableIterator<Message> {
  private readonly buffered: Message[] = [];
  private waiting: ((result: IteratorResult<Message>) => void) | undefined;
  private rejectWaiting: ((error: unknown) => void) | undefined;
  private ended = false;
  private failure: unknown = undefined;

  push(message: Message): void {
    const waiting = this.waiting;
    if (waiting !== undefined) {
      this.waiting = undefined;
      this.rejectWaiting = undefined;
      waiting({ value: message, done: false });
    } else {
      this.buffered.push(message);
    }
  }

  /** No more messages: a loop waiting for one ends. */
  close(): void {
    this.ended = true;
    const waiting = this.waiting;
    this.waiting = undefined;
    this.rejectWaiting = undefined;
    waiting?.({ value: undefined, done: true });
  }

  /** The call could not be made (misuse): a loop waiting on it throws this. */
  fail(error: unknown): void {
    this.failure = error;
    this.ended = true;
    const reject = this.rejectWaiting;
    this.waiting = undefined;
    this.rejectWaiting = undefined;
    reject?.(error);
  }

  next(): Promise<IteratorResult<Message>> {
    if (this.buffered.length > 0) return Promise.resolve({ value: this.buffered.shift() as Message, done: false });
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.rejectWaiting = reject;
    });
  }

  /** A loop left early: the call goes on, and later messages wait for the next loop. */
  return(): Promise<IteratorResult<Message>> {
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
