/**
 * One OpenAPI operation as a scenario task: its path filled from the parameters' examples (the
 * row named with `[param]`), query and header parameters with examples, a body built from the
 * schema, the documented success statuses as `expect`, and its security as a secret variable.
 */

import { templateRowName } from './request-names.js';
import type { ConvertedRequest, ConvertedTask, HeaderValue } from './scenario-model.js';
import { type Schema, schemaExample } from './schema-example.js';

export interface OperationContext {
  method: string;
  /** The path template as documented: `/api/items/{id}`. */
  template: string;
  operation: Schema;
  /** Parameters of the path item, which the operation's own override by name and place. */
  pathParameters: readonly unknown[];
  /** The server URL's path (`/v1`), prefixed to every path; '' for none. */
  basePath: string;
  /** How the operation authenticates, when it must: a header from an environment variable. */
  auth: { header: string; value: HeaderValue; scheme: string } | undefined;
}

export function operationTask(context: OperationContext): ConvertedTask {
  const { method, template, operation } = context;
  const parameters = mergedParameters(context.pathParameters, operation.parameters);
  const path = `${context.basePath}${fillPath(template, parameters)}`;
  const rowName = `${context.basePath}${templateRowName(template)}`;
  const title = `${method} ${template}`;
  const summary = typeof operation.summary === 'string' ? operation.summary : undefined;
  const request: ConvertedRequest = {
    method,
    path,
    name: rowName === path ? undefined : rowName,
    query: parameterValues(parameters, 'query'),
    headers: [
      ...parameterValues(parameters, 'header').map(([name, text]) => [name, { kind: 'text', text }] as const),
      ...(context.auth === undefined ? [] : [[context.auth.header, context.auth.value] as const]),
    ],
    ...requestBody(operation.requestBody),
    expect: successStatuses(operation.responses),
    expectWithoutSecret:
      context.auth === undefined || context.auth.value.kind !== 'env'
        ? undefined
        : { variable: context.auth.value.variable, statuses: [401] },
  };
  const comment = [summary === undefined ? title : `${title}: ${summary}`];
  if (context.auth !== undefined && context.auth.value.kind === 'env')
    comment.push(`needs ${context.auth.scheme}: a 401 counts as expected while ${context.auth.value.variable} is empty`);
  return {
    name: typeof operation.operationId === 'string' && operation.operationId !== '' ? operation.operationId : title,
    comment,
    requests: [request],
  };
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
  schema?: unknown;
}

function mergedParameters(pathLevel: readonly unknown[], operationLevel: unknown): Parameter[] {
  const merged = new Map<string, Parameter>();
  for (const parameter of [...pathLevel, ...(Array.isArray(operationLevel) ? operationLevel : [])])
    if (isParameter(parameter)) merged.set(`${parameter.in}:${parameter.name}`, parameter);
  return [...merged.values()];
}

function isParameter(value: unknown): value is Parameter {
  return typeof value === 'object' && value !== null && typeof (value as Parameter).name === 'string' && typeof (value as Parameter).in === 'string';
}

/** A parameter's example, `examples`' first value, or one built from its schema; undefined when optional and undocumented. */
export function parameterExample(parameter: Parameter): unknown {
  if (parameter.example !== undefined) return parameter.example;
  const first = parameter.examples === undefined ? undefined : Object.values(parameter.examples)[0];
  if (first?.value !== undefined) return first.value;
  const schema = (parameter.schema ?? {}) as Schema;
  const documented = schema.example ?? schema.default ?? (Array.isArray(schema.enum) ? schema.enum[0] : undefined);
  if (documented !== undefined || parameter.required === true || parameter.in === 'path') return documented ?? schemaExample(schema);
  return undefined;
}

function fillPath(template: string, parameters: readonly Parameter[]): string {
  return template.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const parameter = parameters.find((p) => p.in === 'path' && p.name === name);
    const value = parameter === undefined ? name : parameterExample(parameter);
    return encodeURIComponent(scalarText(value));
  });
}

function parameterValues(parameters: readonly Parameter[], place: 'query' | 'header'): [string, string][] {
  const values: [string, string][] = [];
  for (const parameter of parameters) {
    if (parameter.in !== place) continue;
    const value = parameterExample(parameter);
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) values.push([parameter.name, scalarText(item)]);
    else values.push([parameter.name, scalarText(value)]);
  }
  return values;
}

function scalarText(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

function requestBody(body: unknown): { json?: unknown; body?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const content = (body as { content?: Record<string, Schema> }).content ?? {};
  const types = Object.keys(content);
  const jsonType = types.find((type) => /^application\/([\w.+-]*\+)?json/i.test(type) || type === '*/*');
  if (jsonType !== undefined) return { json: mediaExample(content[jsonType] ?? {}) };
  const textType = types.find((type) => type.startsWith('text/'));
  if (textType !== undefined) return { body: scalarText(mediaExample(content[textType] ?? {})) };
  return {};
}

function mediaExample(media: Schema): unknown {
  if (media.example !== undefined) return media.example;
  const examples = media.examples as Record<string, { value?: unknown }> | undefined;
  const first = examples === undefined ? undefined : Object.values(examples)[0];
  if (first?.value !== undefined) return first.value;
  return schemaExample(media.schema);
}

/**
 * The documented 2xx statuses; undefined (the client's default, below 400) when none is a
 * number. A documented 3xx is not expected as such: the client follows redirects, and `expect`
 * judges the final response.
 */
export function successStatuses(responses: unknown): number[] | undefined {
  if (typeof responses !== 'object' || responses === null) return undefined;
  const statuses = Object.keys(responses)
    .filter((key) => /^2\d\d$/.test(key))
    .map(Number);
  return statuses.length === 0 ? undefined : statuses;
}
