/**
 * Reading a JSON document volley wrote (a Result, a bench report): the text parsed, or a usage
 * error naming the file, since the file came from the command line.
 */

import { VolleyError } from '../errors.js';

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The parsed text; a `VOLLEY_E_USAGE` error when it is not JSON (`file` names it). */
export function parseJsonDocument(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new VolleyError('VOLLEY_E_USAGE', `'${file}' is not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
