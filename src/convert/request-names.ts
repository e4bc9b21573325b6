/**
 * Stats row names that group URLs differing only by ids, as a person would name them:
 * `/api/items/itm_42` and `/api/items/itm_43` are both `/api/items/[id]`, so a run's report has
 * one row per endpoint, not one per item.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMBER = /^\d+$/;
/** Long hex strings: hashes, Mongo ObjectIds. */
const HEX = /^[0-9a-f]{16,}$/i;
/** A prefixed id with digits (`itm_42`, `lease-7`, `usr_01HF…`). */
const PREFIXED = /^[A-Za-z]{1,12}[_-][A-Za-z0-9]*\d[A-Za-z0-9]*$/;
/** Opaque tokens: long, mixed letters and digits, no word separators. */
const OPAQUE = /^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9_-]{20,}$/;

/** Whether one path segment looks like an id rather than a word of the API. */
export function isIdSegment(segment: string): boolean {
  let text = segment;
  try {
    text = decodeURIComponent(segment);
  } catch {
    // A malformed escape is not an id of ours to decode: judge the raw text.
  }
  return UUID.test(text) || NUMBER.test(text) || HEX.test(text) || PREFIXED.test(text) || OPAQUE.test(text);
}

/** The path with id segments replaced by `[id]`; the same path when it has none. */
export function groupedPathName(path: string): string {
  return path
    .split('/')
    .map((segment) => (segment !== '' && isIdSegment(segment) ? '[id]' : segment))
    .join('/');
}

/** `/api/items/{id}` (an OpenAPI template) as a row name: `/api/items/[id]`. */
export function templateRowName(template: string): string {
  return template.replace(/\{([^}]+)\}/g, '[$1]');
}
