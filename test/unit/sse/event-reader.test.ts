import { describe, expect, it } from 'vitest';
import { EventReader } from '../../../src/protocols/sse/event-reader.js';

/** A reader on a hand-moved clock, keeping the gaps its meter was given. */
function reader(lastEventId = '') {
  let now = 0;
  const gaps: number[] = [];
  const read = new EventReader(lastEventId, { event: (gap) => gaps.push(gap) }, () => now, 1024);
  return { read, gaps, at: (ms: number) => (now = ms) };
}

describe('EventReader', () => {
  it('reads events split anywhere across chunks, completing them as EventSource does', () => {
    const { read } = reader();
    for (const chunk of ['data: he', 'llo\n', '\nevent: tok', 'en\nid: 7\ndata: a\ndata: b\n\n', 'data: c\r\n\r\n']) read.feed(chunk);
    expect(read.queue).toEqual([
      { data: 'hello', event: 'message', id: '' },
      { data: 'a\nb', event: 'token', id: '7' },
      // No id of its own: the last id seen, as EventSource's lastEventId.
      { data: 'c', event: 'message', id: '7' },
    ]);
    expect(read.lastEventId).toBe('7');
    expect(read.take()?.data).toBe('hello');
    expect(read.queue).toHaveLength(2);
  });

  it("keeps the server's retry delay and hands it with the next event", () => {
    const { read } = reader('3');
    read.feed('retry: 250\n\ndata: x\n\ndata: y\n\n');
    expect(read.retryMs).toBe(250);
    expect(read.queue).toEqual([
      { data: 'x', event: 'message', id: '3', retry: 250 },
      { data: 'y', event: 'message', id: '3' },
    ]);
  });

  it('times the first event of each connection and the gaps between events', () => {
    const { read, gaps, at } = reader();
    read.startConnection();
    at(30);
    read.feed('data: 1\n\n');
    at(55);
    read.feed('data: 2\n\n');
    at(60);
    read.feed('data: 3\n\n');
    expect(read.firstEventAt).toBe(30);
    expect(gaps).toEqual([-1, 25, 5]);
    // A reconnect: the wait before its first event is no gap between events.
    read.startConnection();
    expect(read.firstEventAt).toBeNaN();
    at(500);
    read.feed('data: 4\n\n');
    expect(read.firstEventAt).toBe(500);
    expect(gaps).toEqual([-1, 25, 5, -1]);
  });

  it('drops a partial event when a connection starts anew, and ignores comments and unknown fields', () => {
    const { read } = reader();
    read.feed(': keep-alive\nfoo: bar\ndata: cut');
    read.startConnection();
    read.feed('data: whole\n\n');
    expect(read.queue.map((e) => e.data)).toEqual(['whole']);
  });

  it('fails on an event over the buffer limit rather than growing without bound', () => {
    const { read } = reader();
    read.feed(`data: ${'x'.repeat(2000)}`);
    expect(read.failure).toBe('event over 1024 characters');
    read.feed('\n\n');
    expect(read.queue).toEqual([]);
  });
});
