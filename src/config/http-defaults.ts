/**
 * The HTTP client's defaults for options a run may change (`--accept-encoding`,
 * `--max-body-size`). They live with the options, and the client reads them from here, so the
 * help, the docs and the client cannot disagree about them.
 */

/** The codings volley asks for by default and can decode. */
export const DEFAULT_ACCEPT_ENCODING = 'gzip, deflate, br';

/**
 * The default cap on kept body bytes: 4 MiB holds any JSON document a script plausibly parses
 * (API responses are mostly under 100 KiB) while bounding memory at users × 4 MiB even when every
 * user reads a huge or endless body at once.
 */
export const DEFAULT_MAX_BODY_SIZE = 4 * 1024 * 1024;
