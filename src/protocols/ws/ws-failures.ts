/**
 * The messages a WebSocket failure is grouped under: free of ids and addresses, since the
 * message is the group key (`unexpected status 403`, `connect timeout`, `ECONNREFUSED`,
 * `abnormal close 1006`).
 */

import { untrustedCertificate } from '../http/failure-messages.js';

/** Close codes that end a session normally: normal closure, going away, no status sent. */
const NORMAL_CLOSES: ReadonlySet<number> = new Set([1000, 1001, 1005]);

const UNEXPECTED = /^Unexpected server response: (\d+)$/;

/** The grouped message of a failed handshake, from the error the `ws` library raised. */
export function handshakeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code === 'string') return untrustedCertificate(error, code) ?? code;
  const message = error.message;
  const status = UNEXPECTED.exec(message);
  if (status !== null) return `unexpected status ${status[1] as string}`;
  if (message === 'Opening handshake has timed out') return 'connect timeout';
  return message;
}

/**
 * Whether a session's close was abnormal: 1006 (no close frame: the connection dropped), or any
 * code but 1000, 1001 and 1005 that the user did not ask for. `requested` is the code the user
 * closed with (or -1 when it did not close the socket itself).
 */
export function isAbnormalClose(code: number, requested: number): boolean {
  if (code === requested) return false;
  return code === 1006 || !NORMAL_CLOSES.has(code);
}

/** The grouped message of an abnormal close. */
export function abnormalCloseMessage(code: number): string {
  return `abnormal close ${code}`;
}
