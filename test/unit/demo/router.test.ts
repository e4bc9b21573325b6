import { describe, expect, it } from 'vitest';
import { Router } from '../../../src/demo/router.js';

function router(): Router<string> {
  return new Router<string>()
    .add('GET', '/', 'index')
    .add('GET', '/api/items', 'list')
    .add('POST', '/api/items', 'create')
    .add('GET', '/api/items/search', 'search')
    .add('GET', '/api/items/:id', 'get')
    .add('PUT', '/api/items/:id', 'put')
    .add('DELETE', '/api/items/:id', 'delete')
    .add('GET', '/a/:x/b/:y', 'two');
}

describe('Router', () => {
  it('matches static paths by method', () => {
    expect(router().match('GET', '/api/items')).toEqual({ kind: 'found', handler: 'list', params: {} });
    expect(router().match('POST', '/api/items')).toEqual({ kind: 'found', handler: 'create', params: {} });
    expect(router().match('GET', '/')).toEqual({ kind: 'found', handler: 'index', params: {} });
  });

  it('extracts and decodes parameters', () => {
    expect(router().match('GET', '/api/items/itm_7')).toEqual({
      kind: 'found',
      handler: 'get',
      params: { id: 'itm_7' },
    });
    expect(router().match('PUT', '/api/items/a%20b')).toEqual({
      kind: 'found',
      handler: 'put',
      params: { id: 'a b' },
    });
    expect(router().match('GET', '/a/1/b/2')).toEqual({
      kind: 'found',
      handler: 'two',
      params: { x: '1', y: '2' },
    });
  });

  it('prefers a static route over a parameter route', () => {
    expect(router().match('GET', '/api/items/search')).toEqual({
      kind: 'found',
      handler: 'search',
      params: {},
    });
  });

  it('ignores a trailing slash', () => {
    expect(router().match('GET', '/api/items/')).toEqual({ kind: 'found', handler: 'list', params: {} });
    expect(router().match('GET', '/api/items/itm_1/')).toEqual({
      kind: 'found',
      handler: 'get',
      params: { id: 'itm_1' },
    });
  });

  it('serves HEAD with the GET handler', () => {
    expect(router().match('HEAD', '/api/items/9')).toEqual({
      kind: 'found',
      handler: 'get',
      params: { id: '9' },
    });
  });

  it('reports the allowed methods when only the method is wrong', () => {
    expect(router().match('PATCH', '/api/items')).toEqual({
      kind: 'method-not-allowed',
      allow: ['GET', 'HEAD', 'POST'],
    });
    expect(router().match('POST', '/api/items/itm_1')).toEqual({
      kind: 'method-not-allowed',
      allow: ['DELETE', 'GET', 'HEAD', 'PUT'],
    });
    // A static path that also fits a parameter pattern offers both routes' methods.
    expect(router().match('DELETE', '/api/items/search')).toEqual({
      kind: 'found',
      handler: 'delete',
      params: { id: 'search' },
    });
    expect(router().match('POST', '/api/items/search')).toEqual({
      kind: 'method-not-allowed',
      allow: ['DELETE', 'GET', 'HEAD', 'PUT'],
    });
  });

  it('reports not-found for unknown paths, extra segments and malformed escapes', () => {
    expect(router().match('GET', '/nope')).toEqual({ kind: 'not-found' });
    expect(router().match('GET', '/api/items/1/extra')).toEqual({ kind: 'not-found' });
    expect(router().match('GET', '/a/1/c/2')).toEqual({ kind: 'not-found' });
    expect(router().match('GET', '/api/items/%E0%A4%A')).toEqual({ kind: 'not-found' });
  });

  it('lists routes in registration order and refuses duplicates', () => {
    const r = new Router<number>().add('get', '/x', 1).add('POST', '/y/:id', 2);
    expect(r.routes()).toEqual([
      { method: 'GET', pattern: '/x' },
      { method: 'POST', pattern: '/y/:id' },
    ]);
    expect(() => r.add('GET', '/x/', 3)).toThrow('route GET /x/ is already registered');
    expect(() => r.add('GET', '/z/:', 3)).toThrow('empty parameter name');
  });
});
