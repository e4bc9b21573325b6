/**
 * The one reader of a saved Result document (`volley report`, `volley compare`, `--baseline`,
 * history): JSON text in, a Result out, or an error that names the file and says what is wrong
 * with it. It checks the schema version (this volley writes RESULT_SCHEMA_VERSION and still reads
 * every schema in READABLE_RESULT_SCHEMAS) and the fields the reports and comparisons read; the
 * rest of the document is passed through untouched.
 */

import { readFile } from 'node:fs/promises';
import { ioReason } from '../core/atomic-write.js';
import { isJsonObject, parseJsonDocument } from '../core/json-document.js';
import { VolleyError } from '../errors.js';
import { READABLE_RESULT_SCHEMAS, RESULT_SCHEMA_VERSION, type Result } from './result.js';

const STATS_NUMBERS = ['requests', 'failures', 'rps'] as const;
const KEY_STRINGS = ['scenario', 'user', 'name', 'method'] as const;

function statsProblems(value: unknown, where: string): string[] {
  if (!isJsonObject(value)) return [`${where} is missing`];
  const problems: string[] = [];
  for (const field of STATS_NUMBERS) {
    if (typeof value[field] !== 'number') problems.push(`${where}.${field} is not a number`);
  }
  if (typeof value.histogram !== 'string') problems.push(`${where}.histogram is not a string`);
  if (!isJsonObject(value.latency)) problems.push(`${where}.latency is missing`);
  return problems;
}

/** A row's slowest requests, when it has them (results from before they were kept have none). */
function slowestProblems(value: unknown, where: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return [`${where} is not a list`];
  const problems: string[] = [];
  value.forEach((entry: unknown, i: number) => {
    if (!isJsonObject(entry) || typeof entry.latencyMs !== 'number' || typeof entry.startedAt !== 'string') {
      problems.push(`${where}[${i}] is not a slow request (latencyMs, startedAt)`);
    }
  });
  return problems;
}

/** A `VOLLEY_E_USAGE` error when `text` is not a readable Result; `file` is only used in messages. */
export function parseResult(text: string, file: string): Result {
  const document = parseJsonDocument(text, file);
  const fail = (problems: string[]): never => {
    const shown =
      problems.slice(0, 3).join('; ') + (problems.length > 3 ? `; and ${problems.length - 3} more` : '');
    throw new VolleyError('VOLLEY_E_USAGE', `'${file}' is not a volley result document: ${shown}`, {
      details: problems,
    });
  };
  if (!isJsonObject(document)) return fail(['expected a JSON object (the file written by volley run --json)']);
  if (typeof document.schema !== 'number' || !READABLE_RESULT_SCHEMAS.includes(document.schema)) {
    return fail([
      `unsupported schema ${JSON.stringify(document.schema)} (this volley reads schemas ${READABLE_RESULT_SCHEMAS.join(', ')}, writes ${RESULT_SCHEMA_VERSION})`,
    ]);
  }
  const problems: string[] = [];
  if (!isJsonObject(document.scenario) || typeof document.scenario.name !== 'string') {
    problems.push('scenario.name is missing');
  }
  if (typeof document.startedAt !== 'string' || Number.isNaN(Date.parse(document.startedAt))) {
    problems.push('startedAt is not a date');
  }
  if (!isJsonObject(document.load) || typeof document.load.description !== 'string') {
    problems.push('load.description is missing');
  }
  if (!Array.isArray(document.warnings)) problems.push('warnings is not a list');
  problems.push(...statsProblems(document.totals, 'totals'));
  if (!Array.isArray(document.endpoints)) problems.push('endpoints is not a list');
  else {
    document.endpoints.forEach((row: unknown, i: number) => {
      const where = `endpoints[${i}]`;
      problems.push(...statsProblems(row, where));
      if (isJsonObject(row)) {
        for (const field of KEY_STRINGS) {
          if (typeof row[field] !== 'string') problems.push(`${where}.${field} is not a string`);
        }
        // A row recorded inside a vu.group() carries its path; older results have none.
        if (row.group !== undefined && typeof row.group !== 'string') problems.push(`${where}.group is not a string`);
        if (row.protocol !== undefined && typeof row.protocol !== 'string') problems.push(`${where}.protocol is not a string`);
        problems.push(...slowestProblems(row.slowest, `${where}.slowest`));
      }
    });
  }
  if (document.metrics !== undefined && !Array.isArray(document.metrics)) problems.push('metrics is not a list');
  if (problems.length > 0) return fail(problems);
  return document as unknown as Result;
}

/**
 * Reads and checks the Result at `path`. `role` (`baseline`, `current`) names it in the error
 * when the file cannot be read, a `VOLLEY_E_IO` error.
 */
export async function readResultFile(path: string, role?: string): Promise<Result> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : ioReason(error);
    const what = role === undefined ? 'result' : `${role} result`;
    throw new VolleyError('VOLLEY_E_IO', `cannot read the ${what} '${path}': ${reason}`, {
      cause: error,
    });
  }
  return parseResult(text, path);
}
