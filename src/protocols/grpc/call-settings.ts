/**
 * A client's options turned into what grpc-js takes, once per `client()` call: deadlines in
 * milliseconds, metadata as grpc-js Metadata, credentials, and the key of the user's channel.
 */

import type { ChannelCredentials, Metadata } from '@grpc/grpc-js';
import { type DurationInput, parseDuration } from '../../core/units/duration.js';
import { VolleyError } from '../../errors.js';
import type { GrpcJs } from './grpc-modules.js';
import type { GrpcClientOptions, GrpcMetadataInput, GrpcMetadataValues } from './grpc-types.js';

/** A call's deadline when neither the client nor the call gives one: HTTP's default timeout. */
export const DEFAULT_DEADLINE_MS = 60_000;

/** A duration as volley reads one: a bare number is seconds. */
export function durationMs(value: DurationInput, what: string): number {
  return typeof value === 'number' ? parseDuration(value * 1000, what) : parseDuration(value, what);
}

/** The client options checked: a clear error for a missing target or a bad deadline. */
export function checkClientOptions(options: GrpcClientOptions | undefined): GrpcClientOptions {
  if (options === undefined || typeof options.target !== 'string' || options.target.trim() === '') {
    throw new VolleyError(
      'VOLLEY_E_SCENARIO',
      "vu.grpc.client(): give the server's address as options.target, e.g. { target: '127.0.0.1:50051' }",
    );
  }
  if (/^[a-z]+:\/\//i.test(options.target)) {
    throw new VolleyError(
      'VOLLEY_E_SCENARIO',
      `vu.grpc.client(): target is host:port, not a URL (got '${options.target}'); use tls: true for TLS`,
    );
  }
  return options;
}

/** A number per TLS options object, so channels with other certificates stay apart. */
export class TlsIdentities {
  private readonly ids = new WeakMap<object, number>();
  private next = 1;

  of(tls: object): number {
    let id = this.ids.get(tls);
    if (id === undefined) {
      id = this.next++;
      this.ids.set(tls, id);
    }
    return id;
  }
}

/** Whether and how the channel speaks TLS: a key of the user's channels beside the target. */
export function channelKey(options: GrpcClientOptions, identities: TlsIdentities): string {
  const { tls, insecure } = options;
  if (tls === undefined || tls === false) return insecure === true ? `${options.target} tls-any` : `${options.target} plain`;
  const id = typeof tls === 'object' ? identities.of(tls) : 0;
  return `${options.target} tls${insecure === true ? '-any' : ''} ${id}`;
}

/** The channel's credentials: plaintext unless `tls` or `insecure` asks for TLS. */
export function credentialsFor(grpc: GrpcJs, options: GrpcClientOptions): ChannelCredentials {
  const { tls, insecure } = options;
  if ((tls === undefined || tls === false) && insecure !== true) return grpc.credentials.createInsecure();
  const material = typeof tls === 'object' ? tls : {};
  const verify =
    insecure === true ? { rejectUnauthorized: false, checkServerIdentity: () => undefined } : undefined;
  return grpc.credentials.createSsl(
    pem(material.ca),
    pem(material.key),
    pem(material.cert),
    verify,
  );
}

function pem(value: string | Buffer | undefined): Buffer | null {
  if (value === undefined) return null;
  return typeof value === 'string' ? Buffer.from(value) : value;
}

/** Metadata to send: `base` (the client's) copied, with `extra` (the call's) added. */
export function buildMetadata(grpc: GrpcJs, base: Metadata | undefined, extra: GrpcMetadataInput | undefined): Metadata {
  const metadata = base === undefined ? new grpc.Metadata() : base.clone();
  if (extra === undefined) return metadata;
  for (const key of Object.keys(extra)) {
    const value = extra[key] as GrpcMetadataInput[string];
    if (Array.isArray(value)) for (const item of value as readonly (string | Buffer)[]) metadata.add(key, item);
    else metadata.add(key, value as string | Buffer);
  }
  return metadata;
}

/** Received metadata as a plain object (the first value of each key). */
export function metadataValues(metadata: Metadata | undefined): GrpcMetadataValues {
  return metadata === undefined ? {} : (metadata.getMap() as GrpcMetadataValues);
}
