/**
 * Server-Sent Events' public face: the per-user client the HTTP client hands `vu.http.sse()` to,
 * and the types a script sees. Everything else in this folder is internal.
 */

export { SseClient } from './sse-client.js';
export { DEFAULT_SSE_RECONNECTS } from './types.js';
export type { SseCookieJar, SseEvent, SseOptions, SseQueryValue, SseSettings, SseStream } from './types.js';
