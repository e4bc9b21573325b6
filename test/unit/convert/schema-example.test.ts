import { describe, expect, it } from 'vitest';
import { MAX_EXAMPLE_DEPTH, schemaExample } from '../../../src/convert/schema-example.js';

describe('schema examples', () => {
  it('prefers what the schema documents: example, examples, default, const, enum', () => {
    expect(schemaExample({ type: 'string', example: 'lamp', default: 'x' })).toBe('lamp');
    expect(schemaExample({ type: 'string', examples: ['first', 'second'] })).toBe('first');
    expect(schemaExample({ type: 'integer', default: 20 })).toBe(20);
    expect(schemaExample({ const: 'fixed' })).toBe('fixed');
    expect(schemaExample({ type: 'string', enum: ['active', 'paid_off'] })).toBe('active');
  });

  it('makes a value of the type otherwise, within the documented bounds', () => {
    expect(schemaExample({ type: 'string' })).toBe('string');
    expect(schemaExample({ type: 'string', format: 'email' })).toBe('user@example.com');
    expect(schemaExample({ type: 'string', format: 'date-time' })).toBe('2024-01-01T00:00:00Z');
    expect(schemaExample({ type: 'string', minLength: 10 })).toBe('stringxxxx');
    expect(schemaExample({ type: 'string', maxLength: 3 })).toBe('str');
    expect(schemaExample({ type: 'integer' })).toBe(1);
    expect(schemaExample({ type: 'integer', minimum: 100 })).toBe(100);
    expect(schemaExample({ type: 'number' })).toBe(1.5);
    expect(schemaExample({ type: 'boolean' })).toBe(true);
    expect(schemaExample({ type: ['string', 'null'] })).toBe('string');
    expect(schemaExample({ type: 'array', items: { type: 'integer' } })).toEqual([1]);
  });

  it('fills an object with its required properties, or all of them when none is required', () => {
    const item = {
      type: 'object',
      required: ['name', 'price'],
      properties: { name: { type: 'string', example: 'lamp' }, price: { type: 'number', minimum: 0 }, note: { type: 'string' } },
    };
    expect(schemaExample(item)).toEqual({ name: 'lamp', price: 0 });
    expect(schemaExample({ properties: { a: { type: 'integer' }, id: { type: 'string', readOnly: true } } })).toEqual({ a: 1 });
    expect(schemaExample({ type: 'object', properties: { tags: { type: 'array', items: item } } })).toEqual({ tags: [{ name: 'lamp', price: 0 }] });
  });

  it('merges allOf and takes the first of oneOf and anyOf', () => {
    expect(schemaExample({ allOf: [{ properties: { a: { type: 'integer' } } }, { properties: { b: { type: 'boolean' } } }] })).toEqual({ a: 1, b: true });
    expect(schemaExample({ oneOf: [{ type: 'string' }, { type: 'integer' }] })).toBe('string');
    expect(schemaExample({ anyOf: [{ type: 'integer' }] })).toBe(1);
  });

  it('ends on a recursive schema', () => {
    const node: Record<string, unknown> = { type: 'object', required: ['child'], properties: {} };
    (node.properties as Record<string, unknown>).child = node;
    let value = schemaExample(node) as Record<string, unknown>;
    let depth = 0;
    while (typeof value.child === 'object' && value.child !== null) {
      value = value.child as Record<string, unknown>;
      depth++;
    }
    expect(depth).toBe(MAX_EXAMPLE_DEPTH);
  });
});
