/**
 * Credentials never reach a report unless asked for: headers and token-like query parameters in
 * error messages and in request names are [redacted]; --show-secrets (redact: false) keeps them.
 */

import { describe, expect, it } from 'vitest';
import { IntervalRecorder } from '../../../src/metrics/interval-recorder.js';
import { redactSecrets } from '../../../src/metrics/redact.js';

describe('redactSecrets', () => {
  it('hides secret headers, whatever their case or quoting', () => {
    expect(redactSecrets('Authorization: Bearer eyJhbGciOi.x.y')).toBe('Authorization: [redacted]');
    expect(redactSecrets('proxy-authorization: Basic Zm9v')).toBe('proxy-authorization: [redacted]');
    expect(redactSecrets('{"cookie":"sid=42","accept":"*/*"}')).toBe('{"cookie":"[redacted]","accept":"*/*"}');
    expect(redactSecrets('set-cookie: sid=1; Path=/')).toBe('set-cookie: [redacted]');
  });

  it('hides query parameters named like tokens, and only those', () => {
    expect(redactSecrets('GET http://127.0.0.1/a?token=abc&page=2 failed')).toBe(
      'GET http://127.0.0.1/a?token=[redacted]&page=2 failed',
    );
    for (const name of ['access_token', 'api_key', 'apikey', 'key', 'password', 'secret', 'signature', 'sig', 'auth']) {
      expect(redactSecrets(`/x?a=1&${name}=S3CR3T#top`)).toBe(`/x?a=1&${name}=[redacted]#top`);
    }
    expect(redactSecrets('/x?monkey=1&keyboard=2')).toBe('/x?monkey=1&keyboard=2');
  });
});

describe('the recorder', () => {
  function record(redact: boolean): { name: string; message: string } {
    const recorder = new IntervalRecorder({ now: () => 0, redact });
    const row = recorder.endpoint(recorder.scope('', 'U', []), 'GET', '/a?api_key=K1');
    recorder.record(row, 10, 5, 401, 0, 0, true);
    recorder.error(row, 'request', 'redirect to http://127.0.0.1/b?token=T1 refused; Authorization: Bearer B1');
    const snapshot = recorder.flush(1);
    return { name: snapshot.endpoints[0]?.key.name ?? '', message: snapshot.errors[0]?.message ?? '' };
  }

  it('redacts request names and error messages by default', () => {
    const { name, message } = record(true);
    expect(name).toBe('/a?api_key=[redacted]');
    expect(message).toBe('redirect to http://127.0.0.1/b?token=[redacted] refused; Authorization: [redacted]');
  });

  it('shows them with --show-secrets', () => {
    const { name, message } = record(false);
    expect(name).toBe('/a?api_key=K1');
    expect(message).toContain('token=T1');
    expect(message).toContain('Bearer B1');
  });
});
