import { describe, expect, it } from 'vitest';
import type { ConvertedScenario } from '../../../src/convert/scenario-model.js';
import { writeScenario } from '../../../src/convert/scenario-writer.js';
import { literal, quote } from '../../../src/convert/ts-literal.js';

const SCENARIO: ConvertedScenario = {
  name: 'shop',
  host: 'https://shop.example.com',
  userName: 'RecordedUser',
  header: ['Converted from shop.har.'],
  secrets: [{ variable: 'API_TOKEN', origin: 'the recorded authorization header' }],
  tasks: [
    {
      name: 'Shop',
      comment: ['page 1 of 2'],
      requests: [
        { method: 'GET', path: '/api/items', query: [['limit', '5'], ['tag', 'a'], ['tag', 'b']], headers: [] },
        {
          method: 'POST',
          path: '/api/items',
          query: [],
          headers: [['authorization', { kind: 'env', variable: 'API_TOKEN', prefix: 'Bearer ' }]],
          json: { name: "it's", price: 3 },
          expect: [201],
          expectWithoutSecret: { variable: 'API_TOKEN', statuses: [401] },
        },
      ],
      thinkTimeSeconds: 2.5,
      thinkTimeComment: 'think time',
    },
    {
      name: 'the item page',
      comment: [],
      requests: [{ method: 'PURGE', path: '/cache', name: '/cache', query: [], headers: [['x-api-key', { kind: 'env', variable: 'API_KEY', prefix: '' }]], body: 'a\nb', comment: 'the recording got 404', expect: [404] }],
    },
  ],
};

describe('scenario writer', () => {
  const source = writeScenario(SCENARIO, 'npx volley run load/shop.ts');

  it('writes a sequential user with one task per page and the scenario around it', () => {
    expect(source).toContain("import { defineScenario, defineUser } from 'volley';");
    expect(source).toContain(' *   npx volley run load/shop.ts');
    expect(source).toContain('export const RecordedUser = defineUser({\n  // The tasks run in the order below, round and round.\n  sequential: true,');
    expect(source).toContain("    // page 1 of 2\n    Shop: async (vu) => {\n      await vu.http.get('/api/items', { query: { limit: '5', tag: ['a', 'b'] } });");
    expect(source).toContain("    'the item page': async (vu) => {");
    expect(source).toContain('      await vu.sleep(2.5); // think time');
    expect(source).toContain("  host: 'https://shop.example.com',\n  users: [RecordedUser],");
  });

  it('reads secrets from the environment and accepts 401 while one is empty', () => {
    expect(source).toContain("declare const process: { env: Record<string, string | undefined> };");
    expect(source).toContain("// API_TOKEN: the recorded authorization header.\nconst API_TOKEN = process.env.API_TOKEN ?? '';");
    expect(source).toContain('headers: { authorization: `Bearer ${API_TOKEN}` }');
    expect(source).toContain("json: { name: 'it\\'s', price: 3 }");
    expect(source).toContain('expect: API_TOKEN ? [201] : [201, 401]');
  });

  it('calls request() for other methods, with a raw body and the reason for an expected status', () => {
    expect(source).toContain(
      [
        '      // the recording got 404',
        "      await vu.http.request('PURGE', '/cache', {",
        "        name: '/cache',",
        "        headers: { 'x-api-key': API_KEY },",
        "        body: 'a\\nb',",
        '        expect: [404],',
        '      });',
      ].join('\n'),
    );
  });

  it('adds constant() only when there is a wait', () => {
    expect(writeScenario({ ...SCENARIO, wait: '100ms' }, 'x')).toContain("import { constant, defineScenario, defineUser } from 'volley';");
    expect(writeScenario({ ...SCENARIO, wait: '100ms' }, 'x')).toContain("  wait: constant('100ms'),");
    expect(writeScenario({ ...SCENARIO, secrets: [] }, 'x')).not.toContain('process');
  });
});

describe('TypeScript literals', () => {
  it('quotes strings safely and writes data readably', () => {
    expect(quote("a'b\\c\u2028")).toBe("'a\\'b\\\\c\\u2028'");
    expect(literal({ a: 1, 'b-c': [true, null], d: { e: 'f' } })).toBe("{ a: 1, 'b-c': [true, null], d: { e: 'f' } }");
    const long = literal({ description: 'x'.repeat(60), tags: ['one', 'two'] }, '  ');
    expect(long).toBe(`{\n    description: '${'x'.repeat(60)}',\n    tags: ['one', 'two'],\n  }`);
  });
});
