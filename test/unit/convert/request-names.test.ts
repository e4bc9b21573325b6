import { describe, expect, it } from 'vitest';
import { groupedPathName, isIdSegment, templateRowName } from '../../../src/convert/request-names.js';

describe('id segments', () => {
  it.each(['42', '0', '3f2504e0-4f89-41d3-9a0c-0305e82c3301', 'itm_42', 'lse_7', 'order-19', '507f1f77bcf86cd799439011', 'aB3dE5fG7hI9jK1lM3nO5p'])(
    '%s is an id',
    (segment) => expect(isIdSegment(segment)).toBe(true),
  );
  it.each(['api', 'items', 'v1', 'v2', 'health', 'user-profile', 'auth', 'login', 'openapi.json', 'me', 'search_results'])(
    '%s is a word of the API',
    (segment) => expect(isIdSegment(segment)).toBe(false),
  );
});

describe('row names', () => {
  it('replaces id segments with [id] and keeps the rest', () => {
    expect(groupedPathName('/api/items/itm_42')).toBe('/api/items/[id]');
    expect(groupedPathName('/users/17/orders/3f2504e0-4f89-41d3-9a0c-0305e82c3301')).toBe('/users/[id]/orders/[id]');
    expect(groupedPathName('/api/v1/health')).toBe('/api/v1/health');
    expect(groupedPathName('/')).toBe('/');
  });

  it('names a template row by its parameters', () => {
    expect(templateRowName('/api/items/{id}')).toBe('/api/items/[id]');
    expect(templateRowName('/budget/{account}/reset')).toBe('/budget/[account]/reset');
  });
});
