/** The HTTP/2 client's pure parts: header blocks, words for statuses and reset codes, the version option. */

import { describe, expect, it } from 'vitest';
import { httpVersion } from '../../../src/config/option-schemas.js';
import { flagOptionLayer } from '../../../src/config/option-flags.js';
import { scenarioOptionLayer } from '../../../src/config/scenario-option-layer.js';
import { http2Headers } from '../../../src/protocols/http2/request-headers.js';
import { errorCodeName, resetMessage, statusText } from '../../../src/protocols/http2/status-text.js';

describe('http2Headers', () => {
  it('lowercases names, drops connection-specific headers and turns host into :authority', () => {
    const flat = ['User-Agent', 'volley', 'Connection', 'keep-alive', 'Host', 'example.test', 'Transfer-Encoding', 'chunked', 'X-A', '1', 'x-a', '2'];
    expect(http2Headers('POST', '/p?q=1', flat)).toEqual({
      ':method': 'POST',
      ':path': '/p?q=1',
      ':authority': 'example.test',
      'user-agent': 'volley',
      'x-a': '1',
    });
  });
});

describe('status words', () => {
  it('gives the standard reason phrase, and names reset codes', () => {
    expect(statusText(503)).toBe('Service Unavailable');
    expect(statusText(599)).toBe('');
    expect(errorCodeName(8)).toBe('CANCEL');
    expect(errorCodeName(99)).toBe('code 99');
    expect(resetMessage(2)).toBe('stream reset before the response ended (INTERNAL_ERROR)');
  });
});

describe('the httpVersion option', () => {
  it('reads 1, 1.1, 2 and --http2, and refuses anything else', () => {
    expect([1, 1.1, '1.1', 2, '2', 'h2', true, false].map((v) => httpVersion.parse(v))).toEqual([1, 1, 1, 2, 2, 2, 2, 1]);
    expect(() => httpVersion.parse('3')).toThrow("expected an HTTP version, 1.1 or 2, got '3'");
  });

  it('comes from --http2 and from a scenario http.version', () => {
    expect(flagOptionLayer({ http2: true }).httpVersion).toEqual({ value: true, origin: '--http2' });
    expect(scenarioOptionLayer({ http: { version: 2 } }, 'load.ts').httpVersion).toEqual({ value: 2, origin: 'load.ts http.version' });
  });
});
