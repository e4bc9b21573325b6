/**
 * A converted scenario as TypeScript source: one sequential user class, one task per page or
 * operation, comments saying where each part came from, and secrets read from the environment.
 * The output type-checks against `volley` as written (test/integration/convert.test.ts).
 */

import type { ConvertedRequest, ConvertedScenario, ConvertedTask, HeaderValue } from './scenario-model.js';
import { literal, propertyKey, quote } from './ts-literal.js';

const SHORTHAND_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const TASK_INDENT = '    ';
const BODY_INDENT = '      ';

/** The scenario's source; `runCommand` is shown in the header (`npx volley run load/recorded.ts`). */
export function writeScenario(scenario: ConvertedScenario, runCommand: string): string {
  const imports = scenario.wait === undefined ? 'defineScenario, defineUser' : 'constant, defineScenario, defineUser';
  return [
    '/**',
    ...scenario.header.map((line) => ` * ${line}`),
    ' *',
    ` *   ${runCommand}`,
    ' */',
    '',
    `import { ${imports} } from 'volley';`,
    '',
    ...secretLines(scenario),
    `export const ${scenario.userName} = defineUser({`,
    '  // The tasks run in the order below, round and round.',
    '  sequential: true,',
    ...(scenario.wait === undefined ? [] : [`  wait: constant(${quote(scenario.wait)}),`]),
    '  tasks: {',
    ...scenario.tasks.map(taskSource),
    '  },',
    '});',
    '',
    'export default defineScenario({',
    `  name: ${quote(scenario.name)},`,
    `  host: ${quote(scenario.host)},`,
    `  users: [${scenario.userName}],`,
    "  load: { users: 1, duration: '1m' },",
    '});',
    '',
  ].join('\n');
}

function secretLines(scenario: ConvertedScenario): string[] {
  if (scenario.secrets.length === 0) return [];
  return [
    '// Secrets come from the environment, never from this file: API_TOKEN=… npx volley run …',
    '// (`process` is declared here so the file type-checks with or without @types/node.)',
    'declare const process: { env: Record<string, string | undefined> };',
    ...scenario.secrets.flatMap(({ variable, origin }) => [
      `// ${variable}: ${origin}.`,
      `const ${variable} = process.env.${variable} ?? '';`,
    ]),
    '',
  ];
}

function taskSource(task: ConvertedTask): string {
  const lines = [
    ...task.comment.map((line) => `${TASK_INDENT}// ${line}`),
    `${TASK_INDENT}${propertyKey(task.name)}: async (vu) => {`,
    ...task.requests.flatMap(requestLines),
  ];
  if (task.thinkTimeSeconds !== undefined && task.thinkTimeSeconds > 0)
    lines.push(`${BODY_INDENT}await vu.sleep(${task.thinkTimeSeconds}); // ${task.thinkTimeComment ?? 'think time'}`);
  lines.push(`${TASK_INDENT}},`);
  return lines.join('\n');
}

function requestLines(request: ConvertedRequest): string[] {
  const options = requestOptions(request);
  const call = SHORTHAND_METHODS.has(request.method)
    ? `vu.http.${request.method.toLowerCase()}(${quote(request.path)}`
    : `vu.http.request(${quote(request.method)}, ${quote(request.path)}`;
  const comment = request.comment === undefined ? [] : [`${BODY_INDENT}// ${request.comment}`];
  if (options.length === 0) return [...comment, `${BODY_INDENT}await ${call});`];
  const oneLine = `${BODY_INDENT}await ${call}, { ${options.join(', ')} });`;
  if (oneLine.length <= 110 && !oneLine.includes('\n')) return [...comment, oneLine];
  return [...comment, `${BODY_INDENT}await ${call}, {`, ...options.map((option) => `${BODY_INDENT}  ${option},`), `${BODY_INDENT}});`];
}

function requestOptions(request: ConvertedRequest): string[] {
  const inner = `${BODY_INDENT}  `;
  const options: string[] = [];
  if (request.name !== undefined) options.push(`name: ${quote(request.name)}`);
  if (request.query.length > 0) options.push(`query: ${literal(queryObject(request.query), inner)}`);
  if (request.headers.length > 0) options.push(`headers: ${headersSource(request.headers)}`);
  if (request.json !== undefined) options.push(`json: ${literal(request.json, inner)}`);
  else if (request.body !== undefined) options.push(`body: ${quote(request.body)}`);
  const expected = expectSource(request);
  if (expected !== undefined) options.push(`expect: ${expected}`);
  return options;
}

function queryObject(query: ConvertedRequest['query']): Record<string, string | string[]> {
  const object: Record<string, string | string[]> = {};
  for (const [key, value] of query) {
    const existing = object[key];
    object[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return object;
}

function headersSource(headers: ConvertedRequest['headers']): string {
  return `{ ${headers.map(([name, value]) => `${propertyKey(name)}: ${headerValue(value)}`).join(', ')} }`;
}

function headerValue(value: HeaderValue): string {
  if (value.kind === 'text') return quote(value.text);
  return value.prefix === '' ? value.variable : `\`${value.prefix.replace(/[`$\\]/g, '\\$&')}\${${value.variable}}\``;
}

function expectSource(request: ConvertedRequest): string | undefined {
  if (request.expect === undefined) return undefined;
  const base = `[${request.expect.join(', ')}]`;
  const extra = request.expectWithoutSecret;
  if (extra === undefined) return base;
  return `${extra.variable} ? ${base} : [${[...request.expect, ...extra.statuses].join(', ')}]`;
}
