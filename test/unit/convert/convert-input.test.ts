import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertInput, detectInput } from '../../../src/convert/convert-input.js';

const YAML = `openapi: 3.0.3
info: { title: Tiny, version: '1' }
servers:
  - url: http://127.0.0.1:8000
paths:
  /things/{id}:
    get:
      operationId: getThing
      parameters:
        - { name: id, in: path, required: true, schema: { $ref: '#/components/schemas/Id' } }
      responses: { '200': { description: ok } }
components:
  schemas:
    Id: { type: integer, example: 7 }
`;

describe('input detection', () => {
  it('knows a HAR by log.entries and OpenAPI 3 by its version, whatever the file is called', () => {
    expect(detectInput('{"log":{"entries":[]}}', 'a.json').kind).toBe('har');
    expect(detectInput('{"openapi":"3.1.0","paths":{}}', 'a.har').kind).toBe('openapi-json');
    expect(detectInput(YAML, 'api.yaml').kind).toBe('openapi-yaml');
  });

  it('names the file, the problem and what it accepts', () => {
    const accepts = 'volley convert accepts a HAR recording (JSON with log.entries) or an OpenAPI 3.x document (JSON or YAML)';
    expect(() => detectInput('{"log": [', 'r.har')).toThrow(/^r\.har: malformed JSON \(.+\)\. volley convert accepts/);
    expect(() => detectInput('{"swagger":"2.0"}', 's.json')).toThrow(`s.json: Swagger 2.0 is not supported; convert it to OpenAPI 3 first. ${accepts}`);
    expect(() => detectInput('swagger: "2.0"\n', 's.yaml')).toThrow('s.yaml: Swagger 2.0 is not supported');
    expect(() => detectInput('openapi: 2.5\n', 'o.yaml')).toThrow('o.yaml: OpenAPI 2.5 is not supported (only 3.x)');
    expect(() => detectInput('[1, 2]', 'list.json')).toThrow('list.json: neither a HAR recording nor an OpenAPI 3 document');
    expect(() => detectInput('hello: world\n', 'x.yml')).toThrow('x.yml: neither JSON nor an OpenAPI 3 YAML document');
  });
});

describe('converting a file', () => {
  it('reads a YAML document with swagger-parser, references resolved', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'volley-convert-'));
    const path = join(dir, 'api.yaml');
    writeFileSync(path, YAML);
    const { scenario } = await convertInput(YAML, { file: 'api.yaml', path });
    expect(scenario.tasks[0]?.requests[0]).toMatchObject({ path: '/things/7', name: '/things/[id]', expect: [200] });
  });

  it("resolves a JSON document's references to other files from its own folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'volley-convert-'));
    writeFileSync(join(dir, 'item.json'), JSON.stringify({ type: 'object', required: ['name'], properties: { name: { type: 'string', example: 'chair' } } }));
    const text = JSON.stringify({
      openapi: '3.0.3',
      info: { title: 'x', version: '1' },
      servers: [{ url: 'http://127.0.0.1:8000' }],
      paths: { '/items': { post: { requestBody: { content: { 'application/json': { schema: { $ref: './item.json' } } } }, responses: { '201': { description: 'ok' } } } } },
    });
    const { scenario } = await convertInput(text, { file: 'api.json', path: join(dir, 'api.json') });
    expect(scenario.tasks[0]?.requests[0]?.json).toEqual({ name: 'chair' });
  });

  it('says so when swagger-parser cannot read the document', async () => {
    const text = '{"openapi":"3.0.0","info":{"title":"x","version":"1"},"paths":{"/a":{"get":{"parameters":[{"$ref":"#/nowhere"}]}}}}';
    await expect(convertInput(text, { file: 'bad.json', path: '/nonexistent/bad.json' })).rejects.toThrow(/^bad\.json: not a readable OpenAPI document: /);
  });
});
