/** The bytes on the connection are not a valid HTTP/1.x response. */
export class ResponseParseError extends Error {
  override readonly name = 'ResponseParseError';
  readonly code = 'VOLLEY_HTTP_PARSE';
}
