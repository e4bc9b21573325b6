/**
 * The client's row-id cache answers as the recorder does, and stays bounded when a script asks for
 * ever new names (URLs with ids and no `name`).
 */

import { describe, expect, it } from 'vitest';
import { MAX_ROWS } from '../../../src/metrics/limits.js';
import {
  EndpointCache,
  METHODS,
  STANDARD_METHOD_COUNT,
  standardMethod,
} from '../../../src/protocols/http/endpoints.js';
import { FakeRecorder } from './fake-recorder.js';

describe('EndpointCache', () => {
  it('gives the recorder row of each name, and keeps at most MAX_ROWS names per scope and method', () => {
    const recorder = new FakeRecorder();
    const cache = new EndpointCache(recorder);
    const scope = recorder.scope('', 'Reader', []);
    const names = Array.from({ length: MAX_ROWS + 500 }, (_, i) => `/users/${i}`);
    const ids = names.map((name) => cache.id(scope, METHODS.GET.index, 'GET', name));
    expect(ids).toEqual(names.map((name) => recorder.endpoint(scope, 'GET', name)));
    expect(cache.size).toBe(MAX_ROWS);
    // Cached and uncached names alike still answer the same row on a second request.
    expect(cache.id(scope, METHODS.GET.index, 'GET', names[0]!)).toBe(ids[0]);
    expect(cache.id(scope, METHODS.GET.index, 'GET', names.at(-1)!)).toBe(ids.at(-1));
  });
});

describe('the method table', () => {
  it('gives each standard method its own index, from 0, and finds them by uppercase name only', () => {
    const all = Object.values(METHODS);
    expect(all.map((m) => m.index)).toEqual([...all.keys()]);
    expect(STANDARD_METHOD_COUNT).toBe(all.length);
    for (const info of all) expect(standardMethod(info.method)).toBe(info);
    expect(standardMethod('PROPFIND')).toBeUndefined();
    expect(standardMethod('get')).toBeUndefined();
    expect(standardMethod('__proto__')).toBeUndefined();
    expect(standardMethod('TOSTRING')).toBeUndefined();
    // POST, PUT and PATCH are 1 to 3: the head builder announces an empty body for them.
    expect([METHODS.POST.index, METHODS.PUT.index, METHODS.PATCH.index]).toEqual([1, 2, 3]);
  });
});
