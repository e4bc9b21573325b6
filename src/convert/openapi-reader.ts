/**
 * An OpenAPI 3 document (dereferenced by swagger-parser) as a scenario: one task per operation,
 * in the document's order, run in sequence so an API described create-then-read is exercised
 * that way. The host is `servers[0].url` unless `--host` says otherwise.
 */

import { VolleyError } from '../errors.js';
import { baseName } from './har-reader.js';
import { type OperationContext, operationTask } from './openapi-operation.js';
import { secretVariable } from './request-headers.js';
import type { Conversion, ConvertedTask, SecretVariable } from './scenario-model.js';
import type { Schema } from './schema-example.js';

export interface OpenApiOptions {
  file: string;
  /** Replaces `servers[0].url`. */
  host?: string;
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
/** The pause after each operation: a sequence of calls, not a flood. */
const OPERATION_WAIT = '100ms';

type Auth = OperationContext['auth'];

export function convertOpenApi(document: Schema, options: OpenApiOptions): Conversion {
  const base = serverBase(document, options);
  const paths = isObject(document.paths) ? document.paths : {};
  const tasks: ConvertedTask[] = [];
  const secrets = new Map<string, SecretVariable>();
  let skipped = 0;
  for (const [template, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.has(method) || !isObject(operation)) continue;
      const auth = operationAuth(document, operation);
      if (auth === 'unsupported') {
        skipped++;
        continue;
      }
      if (auth !== undefined && auth.value.kind === 'env')
        secrets.set(auth.value.variable, { variable: auth.value.variable, origin: `the ${auth.scheme} security scheme` });
      const pathParameters = Array.isArray(item.parameters) ? item.parameters : [];
      tasks.push(operationTask({ method: method.toUpperCase(), template, operation, pathParameters, basePath: base.path, auth }));
    }
  }
  if (tasks.length === 0)
    throw new VolleyError('VOLLEY_E_USAGE', `${options.file}: the document describes no operation volley can call${skipped === 0 ? '' : ` (${skipped} need security it cannot send)`}`);
  const info = isObject(document.info) ? document.info : {};
  const title = typeof info.title === 'string' ? info.title : baseName(options.file);
  const excluded: [string, number][] = skipped === 0 ? [] : [['operations whose security volley cannot send (cookie or query keys)', skipped]];
  return {
    scenario: {
      name: baseName(options.file),
      host: base.origin,
      userName: 'ApiUser',
      header: [
        `Converted by \`volley convert\` from the OpenAPI ${String(document.openapi)} document ${options.file} (${title}).`,
        `One task per operation (${tasks.length}), in the document's order; values from its examples, defaults and schemas.`,
        ...(secrets.size === 0 ? [] : ['Secured operations send a token from the environment; without one, their 401 counts as expected.']),
      ],
      wait: OPERATION_WAIT,
      secrets: [...secrets.values()],
      tasks: withUniqueNames(tasks),
    },
    counts: { kept: tasks.length, tasks: tasks.length, excluded },
  };
}

function serverBase(document: Schema, options: OpenApiOptions): { origin: string; path: string } {
  const servers = Array.isArray(document.servers) ? document.servers : [];
  const server: unknown = servers[0];
  const serverUrl = isObject(server) && typeof server.url === 'string' ? withVariables(server.url, server.variables) : undefined;
  const text = options.host ?? serverUrl;
  let url: URL | undefined;
  try {
    url = text === undefined ? undefined : new URL(text);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    const what = options.host !== undefined ? `--host '${options.host}'` : serverUrl === undefined ? 'the document has no servers[0].url' : `servers[0].url '${serverUrl}' is not an absolute http(s) URL`;
    throw new VolleyError('VOLLEY_E_USAGE', `${options.file}: ${what}; give the service's address with --host http://host:port`);
  }
  return { origin: url.origin, path: url.pathname.replace(/\/+$/, '') };
}

/** `https://{region}.example.com` with each variable's default. */
function withVariables(url: string, variables: unknown): string {
  return url.replace(/\{([^}]+)\}/g, (match, name: string) => {
    const variable = isObject(variables) ? variables[name] : undefined;
    return isObject(variable) && typeof variable.default === 'string' ? variable.default : match;
  });
}

/**
 * How an operation authenticates: the first requirement volley can send (a bearer or basic
 * token, OAuth, or an API key in a header), undefined when it needs none (or `{}` makes it
 * optional), and 'unsupported' when every option is a key in a cookie or the query.
 */
function operationAuth(document: Schema, operation: Schema): Auth | 'unsupported' {
  const requirements = Array.isArray(operation.security) ? operation.security : Array.isArray(document.security) ? document.security : [];
  if (requirements.length === 0 || requirements.some((requirement) => isObject(requirement) && Object.keys(requirement).length === 0))
    return undefined;
  const components = isObject(document.components) ? document.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  for (const requirement of requirements) {
    for (const name of isObject(requirement) ? Object.keys(requirement) : []) {
      const auth = schemeAuth(name, schemes[name]);
      if (auth !== undefined) return auth;
    }
  }
  return 'unsupported';
}

function schemeAuth(name: string, scheme: unknown): Auth {
  if (!isObject(scheme)) return undefined;
  const httpScheme = typeof scheme.scheme === 'string' ? scheme.scheme.toLowerCase() : '';
  if ((scheme.type === 'http' && httpScheme === 'bearer') || scheme.type === 'oauth2' || scheme.type === 'openIdConnect')
    return { header: 'authorization', value: { kind: 'env', variable: 'API_TOKEN', prefix: 'Bearer ' }, scheme: name };
  if (scheme.type === 'http' && httpScheme === 'basic')
    return { header: 'authorization', value: { kind: 'env', variable: 'API_BASIC_AUTH', prefix: 'Basic ' }, scheme: name };
  if (scheme.type === 'apiKey' && scheme.in === 'header' && typeof scheme.name === 'string')
    return { header: scheme.name.toLowerCase(), value: { kind: 'env', variable: secretVariable(scheme.name), prefix: '' }, scheme: name };
  return undefined;
}

/** Two operations with one operationId (a mistake some documents make) still make two tasks. */
function withUniqueNames(tasks: readonly ConvertedTask[]): ConvertedTask[] {
  const taken = new Set<string>();
  return tasks.map((task) => {
    let name = task.name;
    for (let n = 2; taken.has(name); n++) name = `${task.name} (${n})`;
    taken.add(name);
    return { ...task, name };
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
