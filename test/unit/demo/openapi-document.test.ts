import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoRouter } from '../../../src/demo/create-router.js';
import { type DemoServer, startDemoServer } from '../../../src/demo/index.js';

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer();
});
afterAll(() => demo.close());

async function served(): Promise<Record<string, unknown>> {
  const res = await fetch(`${demo.url}/openapi.json`);
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

describe('GET /openapi.json', () => {
  it('is a valid OpenAPI 3 document whose server is the address it was asked at', async () => {
    const document = await served();
    expect(document.openapi).toBe('3.0.3');
    expect(document.servers).toEqual([{ url: demo.url }]);
    await expect(SwaggerParser.validate(document as never)).resolves.toBeDefined();
  });

  it('describes only routes the demo has, items, auth, probes and seeds among them', async () => {
    const paths = (await served()).paths as Record<string, Record<string, unknown>>;
    const router = createDemoRouter();
    const described: string[] = [];
    for (const [template, item] of Object.entries(paths))
      for (const method of Object.keys(item).filter((key) => key !== 'parameters')) {
        const path = template.replace(/\{[^}]+\}/g, 'x1');
        expect(router.match(method.toUpperCase(), path).kind, `${method} ${template}`).toBe('found');
        described.push(`${method.toUpperCase()} ${template}`);
      }
    expect(described).toEqual(expect.arrayContaining(['GET /health', 'POST /api/items', 'GET /api/items/{id}', 'POST /api/auth/login', 'GET /api/me', 'POST /leases', 'GET /budget/{account}']));
  });
});
