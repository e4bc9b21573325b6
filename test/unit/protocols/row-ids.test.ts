import { describe, expect, it } from 'vitest';
import { MAX_ROWS } from '../../../src/metrics/limits.js';
import { RowIds } from '../../../src/protocols/row-ids.js';
import { manualRecorder } from '../metrics/helpers.js';

describe('RowIds', () => {
  it('asks the recorder once per (scope, type, name), with the protocol in the row key', () => {
    const { recorder } = manualRecorder();
    const scope = recorder.scope('', 'U', []);
    let asked = 0;
    const counting = new Proxy(recorder, {
      get: (target, key) => (key === 'endpoint' ? (...args: Parameters<typeof recorder.endpoint>) => (asked++, target.endpoint(...args)) : Reflect.get(target, key)),
    });
    const ids = new RowIds(counting, 'ws');
    const rtt = ids.id(scope, 'RTT', '/chat');
    expect(ids.id(scope, 'RTT', '/chat')).toBe(rtt);
    expect(ids.id(scope, 'CONNECT', '/chat')).not.toBe(rtt);
    expect(asked).toBe(2);
    recorder.record(rtt, 10, 0, -1, 0, 0, false);
    expect(recorder.flush(1).endpoints[0]?.key).toEqual({ scenario: '', user: 'U', name: '/chat', method: 'RTT', protocol: 'ws' });
  });

  it('keeps at most MAX_ROWS names per (scope, type): later names go to the recorder each time', () => {
    const { recorder } = manualRecorder();
    const scope = recorder.scope('', 'U', []);
    const ids = new RowIds(recorder, 'sse');
    for (let i = 0; i < MAX_ROWS + 50; i++) ids.id(scope, 'SSE', `/s/${i}`);
    const cached = (ids as unknown as { byScope: Map<number, Map<string, Map<string, number>>> }).byScope.get(scope)?.get('SSE');
    expect(cached?.size).toBe(MAX_ROWS);
  });
});
