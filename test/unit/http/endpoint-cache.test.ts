/**
 * The client's row-id cache answers as the recorder does, and stays bounded when a script asks for
 * ever new names (URLs with ids and no `name`).
 */

import { describe, expect, it } from 'vitest';
import { MAX_ROWS } from '../../../src/metrics/limits.js';
import { EndpointCache, METHODS } from '../../../src/protocols/http/endpoints.js';
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
