import { describe, expect, it } from 'vitest';
import { isNoiseHeader, isSecretHeader, secretHeaderValue, secretVariable } from '../../../src/convert/request-headers.js';
import { isStaticAsset } from '../../../src/convert/static-assets.js';
import { thinkTimeSeconds } from '../../../src/convert/think-time.js';

describe('static assets', () => {
  it.each([
    ['/logo', 'image/png'],
    ['/f', 'font/woff2'],
    ['/site', 'text/css; charset=utf-8'],
    ['/bundle', 'application/javascript'],
    ['/clip', 'video/mp4'],
    ['/app.js', undefined],
    ['/fonts/a.woff2', ''],
    ['/favicon.ico', 'text/html'],
  ])('%s (%s) is static', (path, mime) => expect(isStaticAsset(path, mime)).toBe(true));

  it.each([
    ['/api/items', 'application/json'],
    ['/', 'text/html'],
    ['/api/export', 'text/csv'],
    ['/json', undefined],
  ])('%s (%s) is not', (path, mime) => expect(isStaticAsset(path, mime)).toBe(false));
});

describe('think times', () => {
  it('ignores the browser’s own gaps and rounds the person’s', () => {
    expect(thinkTimeSeconds(50)).toBe(0);
    expect(thinkTimeSeconds(199)).toBe(0);
    expect(thinkTimeSeconds(740)).toBe(0.7);
    expect(thinkTimeSeconds(2_360)).toBe(2.4);
    expect(thinkTimeSeconds(12_600)).toBe(13);
  });

  it('caps a recording left open at a minute, and reads nonsense as none', () => {
    expect(thinkTimeSeconds(3_600_000)).toBe(60);
    expect(thinkTimeSeconds(Number.NaN)).toBe(0);
    expect(thinkTimeSeconds(-5)).toBe(0);
  });
});

describe('headers', () => {
  it('drops what the client, the jar or the browser provides', () => {
    for (const name of ['User-Agent', 'accept-encoding', 'sec-ch-ua', 'Sec-Fetch-Mode', 'content-length', 'host', 'cookie', ':authority', 'referer'])
      expect(isNoiseHeader(name), name).toBe(true);
    for (const name of ['content-type', 'x-request-id', 'authorization', 'idempotency-key']) expect(isNoiseHeader(name), name).toBe(false);
  });

  it('knows secrets by name', () => {
    for (const name of ['Authorization', 'x-api-key', 'X-Auth-Token', 'x-csrf-token', 'apikey', 'x-session-id'])
      expect(isSecretHeader(name), name).toBe(true);
    for (const name of ['content-type', 'x-request-id', 'accept']) expect(isSecretHeader(name), name).toBe(false);
  });

  it('reads a secret from a variable named for it, keeping the scheme but never the credential', () => {
    expect(secretVariable('Authorization')).toBe('API_TOKEN');
    expect(secretVariable('X-API-Key')).toBe('API_KEY');
    expect(secretVariable('X-Auth-Token')).toBe('AUTH_TOKEN');
    expect(secretHeaderValue('authorization', 'Bearer abc.def')).toEqual({ kind: 'env', variable: 'API_TOKEN', prefix: 'Bearer ' });
    expect(secretHeaderValue('authorization', 'Basic dXNlcjpwdw==')).toEqual({ kind: 'env', variable: 'API_TOKEN', prefix: 'Basic ' });
    expect(secretHeaderValue('x-api-key', 'k-123')).toEqual({ kind: 'env', variable: 'API_KEY', prefix: '' });
  });
});
