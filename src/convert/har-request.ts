/**
 * One recorded HAR entry as a scenario request: the path relative to the host, its query, the
 * headers worth keeping (secrets as environment variables), its body as `json` or `body`, and a
 * row name that groups ids.
 */

import type { HarEntry } from './har-document.js';
import { isNoiseHeader, isSecretHeader, secretHeaderValue } from './request-headers.js';
import { groupedPathName } from './request-names.js';
import type { ConvertedRequest, HeaderValue } from './scenario-model.js';

/** `host` is the scenario's: a request to another origin (`--all-origins`) keeps its absolute URL. */
export function harRequest(entry: HarEntry, url: URL, host: string | undefined): ConvertedRequest {
  const path = url.origin === host ? url.pathname : `${url.origin}${url.pathname}`;
  const name = groupedPathName(path);
  const body = requestBody(entry);
  const headers = keptHeaders(entry, body.json !== undefined);
  const status = entry.response.status;
  return {
    method: entry.request.method,
    path,
    name: name === path ? undefined : name,
    query: [...url.searchParams.entries()],
    headers,
    ...body,
    // A recorded error is what the page got: expect it again rather than fail every run on it.
    expect: status >= 400 ? [status] : undefined,
    comment: status >= 400 ? `the recording got ${status}` : undefined,
  };
}

function keptHeaders(entry: HarEntry, jsonBody: boolean): [string, HeaderValue][] {
  const kept = new Map<string, HeaderValue>();
  for (const { name, value } of entry.request.headers) {
    const lower = name.toLowerCase();
    if (isNoiseHeader(lower) || kept.has(lower)) continue;
    // `accept: */*` and a navigation's long list are the browser's defaults, not the API's.
    if (lower === 'accept' && value.includes('*/*')) continue;
    // `json:` sets its own content type.
    if (lower === 'content-type' && jsonBody && /json/i.test(value)) continue;
    kept.set(lower, isSecretHeader(lower) ? secretHeaderValue(lower, value) : { kind: 'text', text: value });
  }
  return [...kept.entries()];
}

function requestBody(entry: HarEntry): { json?: unknown; body?: string } {
  const post = entry.request.postData;
  if (post === undefined) return {};
  const text = post.text ?? (post.params === undefined ? undefined : formText(post.params));
  if (text === undefined || text === '') return {};
  if (/json/i.test(post.mimeType ?? '') || /^\s*[{[]/.test(text)) {
    try {
      return { json: JSON.parse(text) as unknown };
    } catch {
      // Not JSON after all: send the text as it was recorded.
    }
  }
  return { body: text };
}

function formText(params: readonly { name: string; value?: string }[]): string {
  return new URLSearchParams(params.map(({ name, value }): [string, string] => [name, value ?? ''])).toString();
}
