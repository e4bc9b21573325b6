import { describe, expect, it } from 'vitest';
import { otlpSettings } from '../../../src/cli/otlp-flags.js';

describe('otlpSettings', () => {
  it('is undefined without an endpoint, with the flags as commander leaves them (no header: [])', () => {
    expect(otlpSettings({ otlpHeader: [] }, {})).toBeUndefined();
    expect(otlpSettings({}, {})).toBeUndefined();
  });

  it('takes the endpoint, headers and interval from the flags, else from the environment', () => {
    expect(otlpSettings({ otlp: 'http://127.0.0.1:4318/', otlpHeader: ['Authorization=Bearer a=b'], otlpInterval: '5s' }, {})).toEqual({
      url: 'http://127.0.0.1:4318/v1/metrics',
      headers: { authorization: 'Bearer a=b' },
      intervalMs: 5000,
    });
    const env = { VOLLEY_OTLP_ENDPOINT: 'http://collector:4318/v1/metrics', VOLLEY_OTLP_HEADERS: 'x-a=1, x-b=2', VOLLEY_OTLP_INTERVAL: '30s' };
    expect(otlpSettings({ otlpHeader: [] }, env)).toEqual({
      url: 'http://collector:4318/v1/metrics',
      headers: { 'x-a': '1', 'x-b': '2' },
      intervalMs: 30_000,
    });
  });

  it('refuses headers or an interval with no endpoint, and an interval under a second', () => {
    expect(() => otlpSettings({ otlpHeader: ['a=b'] }, {})).toThrow('only with --otlp <endpoint>');
    expect(() => otlpSettings({ otlp: 'http://127.0.0.1:4318', otlpInterval: '100ms' }, {})).toThrow('at least 1s');
  });
});
