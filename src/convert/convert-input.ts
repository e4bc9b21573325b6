/**
 * Reads what `volley convert` was given and converts it: the kind comes from the content, not
 * the file name (a HAR has `log.entries`, an OpenAPI document says `openapi: 3.x`). OpenAPI
 * documents, JSON or YAML, are parsed and dereferenced by swagger-parser; anything else is a
 * clear error naming the file and what is accepted.
 */

import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPI } from 'openapi-types';
import { VolleyError } from '../errors.js';
import { looksLikeHar, readHarLog } from './har-document.js';
import { convertHar } from './har-reader.js';
import { convertOpenApi } from './openapi-reader.js';
import type { Conversion } from './scenario-model.js';

export interface ConvertOptions {
  /** The file as the user named it, for messages and comments. */
  file: string;
  /** Its absolute path, for swagger-parser to read YAML and resolve relative `$ref`s. */
  path: string;
  includeStatic?: boolean;
  allOrigins?: boolean;
  host?: string;
}

export const ACCEPTED_INPUTS = 'a HAR recording (JSON with log.entries) or an OpenAPI 3.x document (JSON or YAML)';

export type InputKind = 'har' | 'openapi-json' | 'openapi-yaml';

/** What the text is, or a VolleyError saying why it is none of what `convert` reads. */
export function detectInput(text: string, file: string): { kind: InputKind; document?: unknown } {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    if (/^\s*[{[]/.test(text)) throw usage(`${file}: malformed JSON (${(error as Error).message})`);
    return { kind: yamlKind(text, file) };
  }
  if (looksLikeHar(document)) return { kind: 'har', document };
  const version = typeof document === 'object' && document !== null ? (document as Record<string, unknown>) : {};
  if (typeof version.swagger === 'string') throw usage(`${file}: Swagger ${version.swagger} is not supported; convert it to OpenAPI 3 first`);
  if (typeof version.openapi === 'string' && version.openapi.startsWith('3.')) return { kind: 'openapi-json', document };
  throw usage(`${file}: neither a HAR recording nor an OpenAPI 3 document`);
}

function yamlKind(text: string, file: string): InputKind {
  const openapi = /^openapi\s*:\s*['"]?([\d.]+)/m.exec(text);
  if (openapi !== null && openapi[1]?.startsWith('3.') === true) return 'openapi-yaml';
  const swagger = /^swagger\s*:\s*['"]?([\d.]+)/m.exec(text);
  if (swagger !== null) throw usage(`${file}: Swagger ${swagger[1] ?? ''} is not supported; convert it to OpenAPI 3 first`);
  if (openapi !== null) throw usage(`${file}: OpenAPI ${openapi[1] ?? ''} is not supported (only 3.x)`);
  throw usage(`${file}: neither JSON nor an OpenAPI 3 YAML document`);
}

export async function convertInput(text: string, options: ConvertOptions): Promise<Conversion> {
  const input = detectInput(text, options.file);
  if (input.kind === 'har') return convertHar(readHarLog(input.document, options.file), options);
  let document: OpenAPI.Document;
  try {
    // The file's path is the base of relative `$ref`s to other files, for JSON as for YAML.
    document =
      input.kind === 'openapi-json'
        ? await SwaggerParser.dereference(options.path, input.document as OpenAPI.Document, {})
        : await SwaggerParser.dereference(options.path);
  } catch (error) {
    throw usage(`${options.file}: not a readable OpenAPI document: ${(error as Error).message}`, error);
  }
  return convertOpenApi(document as unknown as Record<string, unknown>, options);
}

function usage(message: string, cause?: unknown): VolleyError {
  return new VolleyError('VOLLEY_E_USAGE', `${message}. volley convert accepts ${ACCEPTED_INPUTS}`, { cause });
}
