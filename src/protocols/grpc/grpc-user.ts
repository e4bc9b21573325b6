/**
 * One virtual user's gRPC side (`vu.grpc`): its channels, one per (target, TLS settings), made
 * on the first call and closed when the user ends; its calls in flight, cancelled if the run is
 * killed; and its handles on the built-in message counters.
 */

import { GRPC_MESSAGES_RECEIVED, GRPC_MESSAGES_SENT } from '../../metrics/builtin-metrics.js';
import type { Client } from '@grpc/grpc-js';
import type { Clock } from '../../core/clock.js';
import type { MetricsRecorder } from '../../metrics/recorder.js';
import type { UserScope } from '../user-scope.js';
import { channelKey, checkClientOptions, credentialsFor, TlsIdentities } from './call-settings.js';
import type { GrpcJs } from './grpc-modules.js';
import type { GrpcApi, GrpcClientOptions, GrpcServiceClient } from './grpc-types.js';
import { resolveProtoPath } from './proto-path.js';
import { type GrpcChannels, ServiceClient } from './service-client.js';

/** Messages streaming calls sent and received, in every report beside the rows (declared in metrics/). */
export { GRPC_MESSAGES_RECEIVED, GRPC_MESSAGES_SENT };

export class GrpcUser implements GrpcApi, GrpcChannels {
  readonly active = new Set<{ cancel(): void }>();
  killed = false;
  private readonly channels = new Map<string, Client>();
  /** Proto paths as the script wrote them, resolved once per user. */
  private readonly protoFiles = new Map<string, string>();
  private readonly tlsIds = new TlsIdentities();
  private sentId = -1;
  private receivedId = -1;

  constructor(
    readonly recorder: MetricsRecorder,
    readonly clock: Clock,
    readonly scope: UserScope,
  ) {}

  client(protoPath: string, service: string, options: GrpcClientOptions): GrpcServiceClient {
    const checked = checkClientOptions(options);
    let file = this.protoFiles.get(protoPath);
    if (file === undefined) {
      file = resolveProtoPath(protoPath, new Error().stack ?? '');
      this.protoFiles.set(protoPath, file);
    }
    return new ServiceClient(this, file, service, checked, channelKey(checked, this.tlsIds));
  }

  channel(grpc: GrpcJs, key: string, options: GrpcClientOptions): Client {
    let client = this.channels.get(key);
    if (client === undefined) {
      client = new grpc.Client(options.target, credentialsFor(grpc, options), options.channelOptions ?? {});
      this.channels.set(key, client);
    }
    return client;
  }

  /** Channels open now (one per target and TLS settings used since the last close). */
  get openChannels(): number {
    return this.channels.size;
  }

  sentMetric(): number {
    if (this.sentId < 0) this.sentId = this.recorder.customMetric(GRPC_MESSAGES_SENT);
    return this.sentId;
  }

  receivedMetric(): number {
    if (this.receivedId < 0) this.receivedId = this.recorder.customMetric(GRPC_MESSAGES_RECEIVED);
    return this.receivedId;
  }

  /** The user ended: its channels close (a later call would open them again). */
  close(): void {
    for (const client of this.channels.values()) client.close();
    this.channels.clear();
  }

  /** The run was killed: calls in flight are cancelled and not recorded. */
  destroy(): void {
    this.killed = true;
    for (const call of this.active) call.cancel();
    this.active.clear();
    this.close();
  }
}
