/**
 * What a redirect does to the request that got it, by the rules browsers, python-requests and k6
 * share: which statuses are followed, where `location` points, when the request becomes a GET
 * without its body, and which of its headers go with what it drops. None of this runs on the
 * common path: the exchange calls in only for a status between 301 and 308.
 */

/** 301, 302, 303, 307 and 308 as bits counted from 301 (304 to 306 are not redirects to follow). */
const FOLLOWED = 0b1100_0111;

/** Whether `status`, already known to be in 301..308, is a redirect to follow. */
export function isFollowedRedirect(status: number): boolean {
  return ((FOLLOWED >> (status - 301)) & 1) === 1;
}

/**
 * The URL `location` points at from `current` (absolute, scheme-relative, absolute-path,
 * relative-path or query-only), or undefined when it does not parse or is not http(s): such a
 * redirect is not followed.
 */
export function resolveLocation(location: string, current: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(location, current);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
}

/** Whether the redirect makes the request a GET without its body: 303 (HEAD stays HEAD), 301 or 302 after a POST. */
export function dropsBody(status: number, method: string): boolean {
  if (status === 303) return method !== 'HEAD';
  return (status === 301 || status === 302) && method === 'POST';
}

/** A request's own headers that describe its body, dropped with it. */
export const BODY_HEADERS: readonly string[] = ['content-type', 'content-length', 'transfer-encoding'];

/** A request's own headers that carry credentials, dropped when a redirect leaves the origin. */
export const CREDENTIAL_HEADERS: readonly string[] = ['authorization', 'cookie'];

/** A redirect limit option, checked: a non-negative integer, else a TypeError naming the option. */
export function redirectLimit(value: number, option: string): number {
  if (!Number.isInteger(value) || value < 0)
    throw new TypeError(`${option}: expected a non-negative integer, got ${value}`);
  return value;
}
