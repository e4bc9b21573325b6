/**
 * The HTTP protocol's public face: the per-user client, its options and response types, and
 * `check()`. Everything else in this folder is internal.
 */

export { type CheckOptions, check } from './check.js';
export { HttpClient } from './client.js';
export type { HttpApi, HttpClientOptions, HttpResponse, QueryValue, RequestOptions } from './types.js';
