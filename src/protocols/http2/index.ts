/**
 * HTTP/2 for virtual users, over Node's own `node:http2`: what the user's HTTP client sends a
 * request through when it goes over HTTP/2. Scripts never meet these classes: they write
 * `httpVersion: 2` (see `http/types.ts`) and read the same `HttpResponse`.
 */

export { Http2Client, type Http2ClientOptions } from './client.js';
