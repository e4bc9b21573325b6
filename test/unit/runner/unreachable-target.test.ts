import { describe, expect, it } from 'vitest';
import type { LiveErrorRow } from '../../../src/metrics/live-row.js';
import { unreachableTarget } from '../../../src/runner/unreachable-target.js';

const refused = (count: number, message = 'connect ECONNREFUSED 127.0.0.1:8080'): LiveErrorRow => ({
  scenario: '',
  userClass: 'url',
  method: 'GET',
  name: '/health',
  kind: 'request',
  message,
  count,
});

describe('unreachableTarget', () => {
  it('waits for the first seconds before judging', () => {
    expect(unreachableTarget({ elapsedMs: 2000, requests: 50, failures: 50, errors: [refused(50)] }, '')).toBeUndefined();
  });

  it('names the address nothing listens on once every request was refused', () => {
    const message = unreachableTarget({ elapsedMs: 3000, requests: 50, failures: 50, errors: [refused(50)] }, '');
    expect(message).toMatch(/^nothing is listening on 127\.0\.0\.1:8080: is the service running\?/);
    expect(
      unreachableTarget(
        { elapsedMs: 3000, requests: 5, failures: 5, errors: [refused(5, 'connect ECONNREFUSED ::1:9000')] },
        '',
      ),
    ).toMatch(/listening on ::1:9000:/);
    const worded = refused(7, 'connection refused: nothing is listening on [::1]:8081');
    expect(unreachableTarget({ elapsedMs: 3000, requests: 7, failures: 7, errors: [worded] }, '')).toMatch(
      /^nothing is listening on \[::1\]:8081: is the service running\?/,
    );
  });

  it('lets a target that answered once, or failed otherwise, run on', () => {
    expect(unreachableTarget({ elapsedMs: 100, requests: 50, failures: 49, errors: [refused(49)] }, '')).toBeNull();
    const timeouts = { ...refused(10), message: 'request timed out after 60s' };
    expect(unreachableTarget({ elapsedMs: 3000, requests: 60, failures: 60, errors: [refused(50), timeouts] }, '')).toBeNull();
    expect(unreachableTarget({ elapsedMs: 3000, requests: 0, failures: 0, errors: [] }, '')).toBeNull();
  });
});
