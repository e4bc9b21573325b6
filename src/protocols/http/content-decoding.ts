/**
 * Decoding a response body by its `content-encoding` (gzip, deflate, br), done only when the
 * script reads the body: a load test that never looks at bodies spends no CPU inflating them,
 * as the server's compression cost is what it measures. The decoded size is bounded by the
 * same cap as the kept wire bytes, so a small compressed body cannot inflate without limit.
 */

import { brotliDecompressSync, constants, gunzipSync, inflateRawSync, inflateSync, type ZlibOptions } from 'node:zlib';

/** A body could not be decoded; reading it throws this. */
export class BodyDecodingError extends Error {
  override readonly name = 'BodyDecodingError';
}

/**
 * `raw` decoded by the codings of a `content-encoding` value (applied in order, so undone in
 * reverse). `partial`: the wire body was cut at the cap, so a stream that ends early is fine.
 * Throws a BodyDecodingError for a coding it does not know, a corrupt stream, or a body that
 * decodes to more than `maxBytes` (a decompression bomb is refused, not inflated).
 */
export function decodeBody(
  raw: Buffer,
  contentEncoding: string,
  maxBytes: number,
  partial: boolean,
): Buffer {
  const codings = contentEncoding
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  let body = raw;
  for (let i = codings.length - 1; i >= 0; i--) body = decodeOne(body, codings[i] as string, maxBytes, partial);
  return body;
}

function decodeOne(
  raw: Buffer,
  coding: string,
  maxBytes: number,
  partial: boolean,
): Buffer {
  if (raw.length === 0) return raw;
  // A cut stream decodes as far as it goes (sync flush) instead of failing at its missing end.
  const options: ZlibOptions = {
    maxOutputLength: maxBytes,
    finishFlush: partial ? constants.Z_SYNC_FLUSH : constants.Z_FINISH,
  };
  let body: Buffer;
  try {
    switch (coding) {
      case 'gzip':
      case 'x-gzip':
        body = gunzipSync(raw, options);
        break;
      case 'deflate':
        // RFC 9110 says zlib-wrapped; some servers send raw deflate, which browsers accept too.
        body = raw[0] !== undefined && (raw[0] & 0x0f) === 8 ? inflateSync(raw, options) : inflateRawSync(raw, options);
        break;
      case 'br':
        body = brotliDecompressSync(raw, {
          maxOutputLength: maxBytes,
          finishFlush: partial ? constants.BROTLI_OPERATION_FLUSH : constants.BROTLI_OPERATION_FINISH,
        });
        break;
      default:
        throw new BodyDecodingError(`content-encoding '${coding}' is not supported (gzip, deflate and br are)`);
    }
  } catch (error) {
    if (error instanceof BodyDecodingError) throw error;
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE')
      throw new BodyDecodingError(`the ${coding} body decodes to more than maxBodySize (${maxBytes} bytes)`);
    throw new BodyDecodingError(`cannot decode the ${coding} body: ${(error as Error).message}`, { cause: error });
  }
  return body;
}
