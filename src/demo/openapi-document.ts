/**
 * `GET /openapi.json`: an OpenAPI 3.0 description of the demo's main routes (probes, items,
 * auth, and a few of the seeds' APIs), with an example for every value, so
 * `volley convert http://…/openapi.json`'s output runs against the demo as generated. Its server
 * is the address the request came to, so a demo on any port describes itself.
 *
 * Left out on purpose: `DELETE /api/items/{id}` and `POST /api/auth/register`. A converted
 * scenario runs every operation round and round with the same example values; deleting the
 * example item would make the next round's reads 404, and registering the example user twice
 * is a 409. Both are in `GET /`'s list of routes.
 */

import type { DemoRouter } from './handler.js';
import { sendJson } from './http-io.js';

const json = (schema: object, example?: unknown) => ({
  content: { 'application/json': example === undefined ? { schema } : { schema, example } },
});
const ok = (description: string, schema: object = { type: 'object' }) => ({ description, ...json(schema) });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const ERROR = { '400': { description: 'invalid input', ...json(ref('Error')) } };
const NOT_FOUND = { '404': { description: 'no such resource', ...json(ref('Error')) } };
const UNAUTHORIZED = { '401': { description: 'no or an unknown token', ...json(ref('Error')) } };
const ITEM_ID = { name: 'id', in: 'path', required: true, schema: { type: 'string', example: 'itm_1' } };
const LIMIT = { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 }, example: 5 };

const PROBES = {
  '/health': { get: { operationId: 'health', tags: ['probes'], summary: 'the service is up', responses: { '200': ok('ok', ref('Status')) } } },
  '/ready': { get: { operationId: 'ready', tags: ['probes'], summary: 'the service takes traffic', responses: { '200': ok('ready', ref('Status')) } } },
  '/delay/{ms}': {
    get: {
      operationId: 'delay',
      tags: ['probes'],
      summary: 'answers after a fixed delay',
      parameters: [{ name: 'ms', in: 'path', required: true, schema: { type: 'integer', minimum: 0, maximum: 60000 }, example: 20 }],
      responses: { '200': ok('after the delay') },
    },
  },
};

const ITEMS = {
  '/api/items': {
    get: {
      operationId: 'listItems',
      tags: ['items'],
      summary: 'the oldest items',
      parameters: [LIMIT],
      responses: { '200': ok('a page of items', ref('ItemList')), ...ERROR },
    },
    post: {
      operationId: 'createItem',
      tags: ['items'],
      summary: 'a new item',
      requestBody: { required: true, ...json(ref('ItemInput')) },
      responses: { '201': ok('created', ref('Item')), ...ERROR },
    },
  },
  '/api/items/{id}': {
    parameters: [ITEM_ID],
    get: { operationId: 'getItem', tags: ['items'], summary: 'one item', responses: { '200': ok('the item', ref('Item')), ...NOT_FOUND } },
    put: {
      operationId: 'updateItem',
      tags: ['items'],
      summary: "replaces an item's name and price",
      requestBody: { required: true, ...json(ref('ItemInput')) },
      responses: { '200': ok('updated', ref('Item')), ...ERROR, ...NOT_FOUND },
    },
  },
};

const AUTH = {
  '/api/auth/login': {
    post: {
      operationId: 'login',
      tags: ['auth'],
      summary: 'a token for a user (also set as the session cookie); the demo has seller/pw',
      requestBody: { required: true, ...json(ref('Credentials')) },
      responses: { '200': ok('logged in', { type: 'object', required: ['token'], properties: { token: { type: 'string' } } }), ...UNAUTHORIZED },
    },
  },
  '/api/me': {
    get: {
      operationId: 'me',
      tags: ['auth'],
      summary: 'who the token belongs to',
      security: [{ bearerAuth: [] }],
      responses: { '200': ok('the user', { type: 'object', properties: { username: { type: 'string' } } }), ...UNAUTHORIZED },
    },
  },
};

const SEEDS = {
  '/leases': {
    post: {
      operationId: 'createLease',
      tags: ['leases'],
      summary: 'a lease; a replayed Idempotency-Key with the same body answers the same lease',
      parameters: [{ name: 'Idempotency-Key', in: 'header', schema: { type: 'string', maxLength: 255 }, example: 'lease-example-1' }],
      requestBody: { required: true, ...json(ref('LeaseInput')) },
      responses: { '201': ok('created', ref('Lease')), '200': ok('replayed', ref('Lease')), ...ERROR },
    },
    get: {
      operationId: 'listLeases',
      tags: ['leases'],
      summary: 'leases, newest first',
      parameters: [LIMIT, { name: 'status', in: 'query', schema: { type: 'string', enum: ['active', 'delinquent', 'paid_off'] } }],
      responses: { '200': ok('a page of leases'), ...ERROR },
    },
  },
  '/budget/{account}': {
    get: {
      operationId: 'budgetStatus',
      tags: ['budget'],
      summary: "an account's budget circuit breaker",
      parameters: [{ name: 'account', in: 'path', required: true, schema: { type: 'string', default: 'default' } }],
      responses: { '200': ok('the breaker') },
    },
  },
  '/audit/metrics': { get: { operationId: 'auditMetrics', tags: ['audit'], summary: 'the lease ledger in numbers', responses: { '200': ok('counts') } } },
  '/recommendations': {
    get: {
      operationId: 'listRecommendations',
      tags: ['cost-agent'],
      summary: 'cost recommendations',
      parameters: [LIMIT],
      responses: { '200': ok('recommendations'), ...ERROR },
    },
  },
};

const SCHEMAS = {
  Status: { type: 'object', required: ['status'], properties: { status: { type: 'string', example: 'ok' } } },
  Error: { type: 'object', required: ['error'], properties: { error: { type: 'string' }, details: { type: 'array', items: { type: 'string' } } } },
  ItemInput: {
    type: 'object',
    required: ['name', 'price'],
    properties: { name: { type: 'string', minLength: 1, maxLength: 100, example: 'lamp' }, price: { type: 'number', minimum: 0, example: 19.5 } },
  },
  Item: {
    allOf: [
      ref('ItemInput'),
      { type: 'object', required: ['id', 'createdAt'], properties: { id: { type: 'string', example: 'itm_1' }, createdAt: { type: 'string', format: 'date-time' } } },
    ],
  },
  ItemList: { type: 'object', properties: { items: { type: 'array', items: ref('Item') }, total: { type: 'integer' } } },
  Credentials: {
    type: 'object',
    required: ['username', 'password'],
    properties: { username: { type: 'string', example: 'seller' }, password: { type: 'string', format: 'password', example: 'pw' } },
  },
  LeaseInput: {
    type: 'object',
    required: ['customerId', 'principalCents', 'termMonths'],
    properties: {
      customerId: { type: 'string', maxLength: 100, example: 'cus_1' },
      principalCents: { type: 'integer', minimum: 100, maximum: 100000000, example: 250000 },
      termMonths: { type: 'integer', minimum: 1, maximum: 120, example: 12 },
      aprPercent: { type: 'number', minimum: 0, maximum: 50, default: 6 },
    },
  },
  Lease: { type: 'object', properties: { id: { type: 'string', example: 'lse_1' }, status: { type: 'string' } } },
};

/** The document, its server the origin the caller reached (`http://127.0.0.1:8000`). */
export function demoOpenApiDocument(origin: string): object {
  return {
    openapi: '3.0.3',
    info: { title: 'volley demo service', version: '1', description: "The demo's main routes; GET / lists every one." },
    servers: [{ url: origin }],
    paths: { ...PROBES, ...ITEMS, ...AUTH, ...SEEDS },
    components: { schemas: SCHEMAS, securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
  };
}

export function registerOpenApiRoute(router: DemoRouter): void {
  router.add('GET', '/openapi.json', ({ req, res }) => {
    sendJson(res, 200, demoOpenApiDocument(`http://${req.headers.host ?? '127.0.0.1:8000'}`));
  });
}
