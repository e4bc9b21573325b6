/**
 * gRPC status codes by name, and the error group a failed call is counted under. The names are
 * gRPC's own (the same in every language), kept here so reading a status needs no grpc-js.
 */

import { normalizeErrorMessage } from '../../metrics/error-message.js';

export const GRPC_STATUS_NAMES = [
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
] as const;

export type GrpcStatusName = (typeof GRPC_STATUS_NAMES)[number];

/** The name of a status code; a code gRPC does not define reads as UNKNOWN, as gRPC maps it. */
export function grpcStatusName(code: number): GrpcStatusName {
  return GRPC_STATUS_NAMES[code] ?? 'UNKNOWN';
}

/** Details longer than this are left out of the group key: a key is for reading and grouping. */
const MAX_DETAILS_IN_GROUP = 120;

/**
 * The error group of a failed call: `NOT_FOUND: account is closed` when the details are a fixed
 * text, just `NOT_FOUND` when they carry ids or numbers (`account a17 not found`), are empty or
 * long, so the number of groups stays bounded by what the server says, not by its data.
 */
export function grpcErrorGroup(code: number, details: string): string {
  const name = grpcStatusName(code);
  const text = details.trim();
  if (text === '' || text.length > MAX_DETAILS_IN_GROUP || normalizeErrorMessage(text) !== text) return name;
  return `${name}: ${text}`;
}
