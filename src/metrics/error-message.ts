/**
 * Error messages as groups. Messages that differ only in numbers or ids ("user 123 not found",
 * "user 456 not found") are one group, "user <n> not found"; a status after `HTTP` is kept, so
 * `HTTP 503` and `HTTP 504` stay apart. A group shows its first message as it was while every
 * message in it is the same, and the normalised form once they differ.
 */

/** Longer messages are cut: a message is for reading, and a 1 MB body in one would fill a report. */
export const MAX_MESSAGE_CHARS = 500;

/** The group that counts a row's errors beyond its distinct groups. */
export const OTHER_ERRORS_MESSAGE = '(other error messages)';

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
// Hex ids of 8+ characters with at least one digit (so plain words such as 'deadbeef' stay).
const HEX_ID = /\b(?=[0-9a-f]*\d)[0-9a-f]{8,}\b/gi;
// Random tokens (base 36 and the like): 6+ letters and digits, with at least one of each.
const TOKEN = /\b(?=[0-9a-z]*\d)(?=[0-9a-z]*[a-z])[0-9a-z]{6,}\b/gi;
const NUMBER = /(?<!HTTP \d*)\d+(?:\.\d+)?/g;

/** Cuts a message to MAX_MESSAGE_CHARS. */
export function clipMessage(message: string): string {
  return message.length <= MAX_MESSAGE_CHARS ? message : `${message.slice(0, MAX_MESSAGE_CHARS - 1)}…`;
}

/** The group a message belongs to; normalising a normalised message changes nothing. */
export function normalizeErrorMessage(message: string): string {
  // Replaced before it is cut, so a normalised message (already short) normalises to itself.
  const head = message.length > 4 * MAX_MESSAGE_CHARS ? message.slice(0, 4 * MAX_MESSAGE_CHARS) : message;
  return clipMessage(head.replace(UUID, '<id>').replace(HEX_ID, '<id>').replace(TOKEN, '<id>').replace(NUMBER, '<n>'));
}
