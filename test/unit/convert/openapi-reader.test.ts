import { describe, expect, it } from 'vitest';
import { convertOpenApi } from '../../../src/convert/openapi-reader.js';

function petStore(extra: Record<string, unknown> = {}) {
  return {
    openapi: '3.1.0',
    info: { title: 'Pets', version: '1' },
    servers: [{ url: 'https://{env}.pets.example/v2/', variables: { env: { default: 'staging' } } }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, key: { type: 'apiKey', in: 'header', name: 'X-API-Key' }, cookie: { type: 'apiKey', in: 'cookie', name: 'sid' } },
    },
    paths: {
      '/pets': {
        get: {
          operationId: 'listPets',
          parameters: [
            { name: 'limit', in: 'query', schema: { type: 'integer', default: 10 } },
            { name: 'q', in: 'query', schema: { type: 'string' } },
            { name: 'species', in: 'query', required: true, schema: { type: 'string', enum: ['cat', 'dog'] } },
          ],
          responses: { '200': { description: 'ok' }, '400': { description: 'bad' } },
        },
        post: {
          summary: 'add a pet',
          security: [{ bearer: [] }],
          requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['name'], properties: { name: { type: 'string', example: 'Rex' }, age: { type: 'integer' } } } } } },
          responses: { '201': { description: 'created' }, '202': { description: 'queued' } },
        },
      },
      '/pets/{petId}/photos/{n}': {
        parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'string' }, example: 'pet 7' }],
        get: {
          operationId: 'photo',
          security: [{ key: [] }],
          parameters: [{ name: 'n', in: 'path', required: true, schema: { type: 'integer' } }, { name: 'X-Trace', in: 'header', examples: { one: { value: 't-1' } } }],
          responses: { default: { description: 'whatever' } },
        },
        delete: { operationId: 'forget', security: [{ cookie: [] }], responses: { '204': { description: 'gone' } } },
        put: { operationId: 'note', security: [{}, { bearer: [] }], requestBody: { content: { 'text/plain': { example: 'hello' } } }, responses: { '200': { description: 'ok' } } },
      },
    },
    ...extra,
  };
}

describe('OpenAPI conversion', () => {
  it('makes one task per operation, in the document order, named by operationId or method and path', () => {
    const { scenario, counts } = convertOpenApi(petStore(), { file: 'pets.json' });
    expect(scenario.tasks.map((task) => task.name)).toEqual(['listPets', 'POST /pets', 'photo', 'note']);
    expect(counts.excluded).toEqual([['operations whose security volley cannot send (cookie or query keys)', 1]]);
    expect(scenario.wait).toBe('100ms');
  });

  it("takes the host from servers[0] with its variables, and prefixes the server's path", () => {
    const { scenario } = convertOpenApi(petStore(), { file: 'pets.json' });
    expect(scenario.host).toBe('https://staging.pets.example');
    expect(scenario.tasks[0]?.requests[0]?.path).toBe('/v2/pets');
    expect(convertOpenApi(petStore(), { file: 'pets.json', host: 'http://127.0.0.1:9000' }).scenario.host).toBe('http://127.0.0.1:9000');
  });

  it('fills path parameters and names the row with them; query and header values from examples', () => {
    const { scenario } = convertOpenApi(petStore(), { file: 'pets.json' });
    const list = scenario.tasks[0]?.requests[0];
    expect(list?.query).toEqual([['limit', '10'], ['species', 'cat']]);
    expect(list?.expect).toEqual([200]);
    const photo = scenario.tasks[2]?.requests[0];
    expect(photo?.path).toBe('/v2/pets/pet%207/photos/1');
    expect(photo?.name).toBe('/v2/pets/[petId]/photos/[n]');
    expect(photo?.headers).toEqual([
      ['X-Trace', { kind: 'text', text: 't-1' }],
      ['x-api-key', { kind: 'env', variable: 'API_KEY', prefix: '' }],
    ]);
    expect(photo?.expect).toBeUndefined();
  });

  it('builds bodies from the schema or the media example', () => {
    const { scenario } = convertOpenApi(petStore(), { file: 'pets.json' });
    expect(scenario.tasks[1]?.requests[0]?.json).toEqual({ name: 'Rex' });
    expect(scenario.tasks[3]?.requests[0]?.body).toBe('hello');
  });

  it('sends a secured operation its token from the environment, and accepts 401 while there is none', () => {
    const { scenario } = convertOpenApi(petStore(), { file: 'pets.json' });
    const create = scenario.tasks[1];
    expect(create?.requests[0]?.headers).toEqual([['authorization', { kind: 'env', variable: 'API_TOKEN', prefix: 'Bearer ' }]]);
    expect(create?.requests[0]?.expect).toEqual([201, 202]);
    expect(create?.requests[0]?.expectWithoutSecret).toEqual({ variable: 'API_TOKEN', statuses: [401] });
    expect(create?.comment[1]).toMatch(/needs bearer/);
    // `{}` among the requirements makes auth optional: no header.
    expect(scenario.tasks[3]?.requests[0]?.headers).toEqual([]);
    expect(scenario.secrets.map((secret) => secret.variable)).toEqual(['API_TOKEN', 'API_KEY']);
  });

  it('expects documented 2xx statuses only: the client follows a documented redirect', () => {
    const paths = { '/old': { get: { operationId: 'old', responses: { '301': { description: 'moved' } } } }, '/new': { get: { responses: { '200': { description: 'ok' }, '302': { description: 'elsewhere' } } } } };
    const { scenario } = convertOpenApi(petStore({ paths }), { file: 'pets.json' });
    expect(scenario.tasks.map((task) => task.requests[0]?.expect)).toEqual([undefined, [200]]);
  });

  it('refuses a document with no operation to call', () => {
    expect(() => convertOpenApi(petStore({ paths: {} }), { file: 'pets.json' })).toThrow('pets.json: the document describes no operation volley can call');
  });

  it('asks for --host when the server is missing or relative', () => {
    expect(() => convertOpenApi(petStore({ servers: [{ url: '/api' }] }), { file: 'pets.json' })).toThrow(
      "pets.json: servers[0].url '/api' is not an absolute http(s) URL; give the service's address with --host http://host:port",
    );
    expect(() => convertOpenApi(petStore({ servers: [] }), { file: 'pets.json' })).toThrow('the document has no servers[0].url');
    expect(convertOpenApi(petStore({ servers: [] }), { file: 'pets.json', host: 'http://localhost:3000/base' }).scenario.tasks[0]?.requests[0]?.path).toBe('/base/pets');
  });
});
