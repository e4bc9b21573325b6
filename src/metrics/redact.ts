/**
 * Secrets kept out of what volley shows: error messages and groups (and so the HTML, JSON, CSV,
 * live and web UI reports, which all show those groups), and the slowest requests each row keeps
 * (their URL and headers). A request's URL or headers otherwise reach a report only through a
 * message (a script's exception, a redirect's target, a check's text): credentials in them
 * (`authorization`, `cookie`, `set-cookie`, `proxy-authorization` headers, and query parameters
 * named like tokens) become `[redacted]`, unless `--show-secrets` asks to see them.
 */

export const REDACTED = '[redacted]';

const SECRET_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie'];
const SECRET_PARAMS = ['token', 'access_token', 'api_key', 'apikey', 'key', 'password', 'secret', 'signature', 'sig', 'auth'];

// `Authorization: Bearer abc`, `"cookie": "a=b"`, `authorization=...`: the value runs to the end
// of the line, a closing quote, a comma before another header, or a closing brace.
const HEADER = new RegExp(
  `(["']?\\b(?:${SECRET_HEADERS.join('|')})["']?\\s*[:=]\\s*)(["']?)([^"'\\r\\n},]+)`,
  'gi',
);
// `?token=abc&x=1`, `&api_key=...`: the value runs to the next `&`, `#`, space or quote.
const PARAM = new RegExp(`([?&;](?:${SECRET_PARAMS.join('|')})=)([^&#\\s"'<>]*)`, 'gi');

/** `text` with credentials replaced by `[redacted]`. */
export function redactSecrets(text: string): string {
  if (!mayHoldSecret(text)) return text;
  return text
    .replace(HEADER, (_match, name: string, quote: string) => `${name}${quote}${REDACTED}`)
    .replace(PARAM, (_match, name: string) => `${name}${REDACTED}`);
}

/** A quick test first, so most messages are returned as they are. */
function mayHoldSecret(text: string): boolean {
  return text.includes('=') || /authorization|cookie/i.test(text);
}

// A header that carries a credential by name: authorization, cookies, and anything token-,
// secret-, key-, password-, session- or signature-like (`x-api-key`, `x-auth-token`).
const SECRET_HEADER_NAME = /authorization|cookie|token|secret|key|password|passwd|session|signature|credential|auth/i;

/**
 * Request headers as a report may show them: the value of every credential-like header (see
 * SECRET_HEADER_NAME) becomes `[redacted]`, the others go through `redactSecrets`.
 */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    shown[name] = SECRET_HEADER_NAME.test(name) ? REDACTED : redactSecrets(value);
  }
  return shown;
}
