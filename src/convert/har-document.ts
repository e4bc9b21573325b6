/**
 * The parts of a HAR 1.2 recording (http://www.softwareishard.com/blog/har-12-spec/) that
 * `volley convert` reads, checked once so the reader works on typed data. Browsers and proxies
 * fill more; what is missing here is optional in practice and read with a default.
 */

import { VolleyError } from '../errors.js';

export interface HarHeader {
  name: string;
  value: string;
}

export interface HarEntry {
  pageref?: string;
  startedDateTime: string;
  /** Total milliseconds the request took. */
  time: number;
  request: {
    method: string;
    url: string;
    headers: HarHeader[];
    postData?: { mimeType?: string; text?: string; params?: { name: string; value?: string }[] };
  };
  /** `redirectURL`: where a 3xx sent the browser ('' when it did not). */
  response: { status: number; redirectURL?: string; content?: { mimeType?: string } };
}

export interface HarPage {
  id: string;
  title?: string;
  startedDateTime: string;
}

export interface HarLog {
  creator?: { name?: string; version?: string };
  pages: HarPage[];
  entries: HarEntry[];
}

/** Whether a parsed document is a HAR recording (has `log.entries`). */
export function looksLikeHar(document: unknown): boolean {
  return isRecord(document) && isRecord(document.log) && Array.isArray(document.log.entries);
}

/** The document's log, with every entry checked for what conversion needs. */
export function readHarLog(document: unknown, file: string): HarLog {
  const log = isRecord(document) && isRecord(document.log) ? document.log : undefined;
  if (log === undefined || !Array.isArray(log.entries))
    throw new VolleyError('VOLLEY_E_USAGE', `${file}: not a HAR recording (no log.entries)`);
  const entries = log.entries.map((entry: unknown, index: number) => checkEntry(entry, `${file}: log.entries[${index}]`));
  const pages = Array.isArray(log.pages)
    ? log.pages.filter((page: unknown): page is HarPage => isRecord(page) && typeof page.id === 'string')
    : [];
  return { creator: isRecord(log.creator) ? (log.creator as HarLog['creator']) : undefined, pages, entries } as HarLog;
}

function checkEntry(entry: unknown, where: string): HarEntry {
  const request = isRecord(entry) ? entry.request : undefined;
  if (!isRecord(entry) || !isRecord(request) || typeof request.method !== 'string' || typeof request.url !== 'string')
    throw new VolleyError('VOLLEY_E_USAGE', `${where}: expected an entry with request.method and request.url`);
  const response = isRecord(entry.response) ? entry.response : {};
  return {
    pageref: typeof entry.pageref === 'string' ? entry.pageref : undefined,
    startedDateTime: typeof entry.startedDateTime === 'string' ? entry.startedDateTime : '',
    time: typeof entry.time === 'number' && entry.time > 0 ? entry.time : 0,
    request: {
      method: request.method.toUpperCase(),
      url: request.url,
      headers: Array.isArray(request.headers) ? request.headers.filter(isHeader) : [],
      postData: isRecord(request.postData) ? (request.postData as HarEntry['request']['postData']) : undefined,
    },
    response: {
      status: typeof response.status === 'number' ? response.status : 0,
      redirectURL: typeof response.redirectURL === 'string' ? response.redirectURL : undefined,
      content: isRecord(response.content) ? (response.content as { mimeType?: string }) : undefined,
    },
  } as HarEntry;
}

function isHeader(header: unknown): header is HarHeader {
  return isRecord(header) && typeof header.name === 'string' && typeof header.value === 'string';
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
