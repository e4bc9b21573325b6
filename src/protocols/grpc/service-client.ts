/**
 * `vu.grpc.client(…)`: one service of one proto file on one target, for one user. Calls are made
 * at once; the first waits for grpc-js and the proto to load (once per process). A call's row is
 * `GRPC package.Service/Method` (or its `name`) in the scope current when the call is made, and
 * its time counts from when it was due (open-model runs) or when it opened.
 *
 * Rows are cached per client, scope and name: create a client once (in `onStart`, kept in
 * `vu.state`) rather than in every iteration, though both work.
 */

import type { Client, Metadata } from '@grpc/grpc-js';
import type { ServiceDefinition } from '@grpc/proto-loader';
import type { UserScope } from '../user-scope.js';
import { takeStart } from '../user-scope.js';
import type { GrpcCallOwner } from './call-outcome.js';
import { buildMetadata, DEFAULT_DEADLINE_MS, durationMs } from './call-settings.js';
import { type GrpcJs, grpcModules } from './grpc-modules.js';
import type {
  GrpcBidiStream,
  GrpcCallOptions,
  GrpcClientOptions,
  GrpcClientStream,
  GrpcMessage,
  GrpcResult,
  GrpcServerStream,
  GrpcServiceClient,
} from './grpc-types.js';
import { findMethod, findService, type GrpcCallKind, loadProto } from './proto-services.js';
import { StreamCall } from './stream-call.js';
import { unaryCall } from './unary-call.js';

/** The type (method column) of every gRPC row. */
export const GRPC_ROW_TYPE = 'GRPC';

/** What a service client needs of its user beyond recording: the scope, and its channels. */
export interface GrpcChannels extends GrpcCallOwner {
  readonly scope: UserScope;
  channel(grpc: GrpcJs, key: string, options: GrpcClientOptions): Client;
}

interface Ready {
  grpc: GrpcJs;
  service: ServiceDefinition;
  /** The client's own metadata, built once; each call copies it. */
  metadata: Metadata | undefined;
}

/** A row name and its row id per scope. */
interface RowNames {
  name: string;
  byScope: Map<number, number>;
}

export class ServiceClient implements GrpcServiceClient {
  private ready: Promise<Ready> | undefined;
  private readonly methodRows = new Map<string, RowNames>();
  private readonly namedRows = new Map<string, RowNames>();
  private readonly deadlineMs: number;

  constructor(
    private readonly user: GrpcChannels,
    private readonly file: string,
    readonly service: string,
    private readonly options: GrpcClientOptions,
    private readonly channelKey: string,
  ) {
    this.deadlineMs =
      options.deadline === undefined ? DEFAULT_DEADLINE_MS : durationMs(options.deadline, 'vu.grpc.client(): deadline');
  }

  async unary<Response = GrpcMessage>(
    method: string,
    request: GrpcMessage,
    options?: GrpcCallOptions,
  ): Promise<GrpcResult<Response>> {
    const scope = this.user.scope.scope;
    const deadline = this.deadline(options);
    const ready = await this.prepare();
    const definition = findMethod(ready.service, this.service, method, 'unary');
    const row = this.row(scope, method, options);
    const metadata = buildMetadata(ready.grpc, ready.metadata, options?.metadata);
    const start = takeStart(this.user.scope, this.user.clock.now());
    const client = this.channel(ready);
    return unaryCall<Response>(this.user, row, start, client, definition, request, metadata, Date.now() + deadline);
  }

  serverStream<Response = GrpcMessage>(
    method: string,
    request: GrpcMessage,
    options?: GrpcCallOptions,
  ): GrpcServerStream<Response> {
    return this.stream<never, Response>('serverStream', method, request, options) as unknown as GrpcServerStream<Response>;
  }

  clientStream<Request = GrpcMessage, Response = GrpcMessage>(
    method: string,
    options?: GrpcCallOptions,
  ): GrpcClientStream<Request, Response> {
    return this.stream<Request, Response>('clientStream', method, undefined, options);
  }

  bidi<Request = GrpcMessage, Response = GrpcMessage>(
    method: string,
    options?: GrpcCallOptions,
  ): GrpcBidiStream<Request, Response> {
    return this.stream<Request, Response>('bidi', method, undefined, options) as unknown as GrpcBidiStream<
      Request,
      Response
    >;
  }

  private stream<Request, Response>(
    kind: GrpcCallKind,
    method: string,
    request: GrpcMessage | undefined,
    options: GrpcCallOptions | undefined,
  ): StreamCall<Request, Response> {
    const scope = this.user.scope.scope;
    const call = new StreamCall<Request, Response>(this.user, kind, request);
    const deadline = this.deadline(options);
    this.prepare().then(
      (ready) => {
        try {
          const definition = findMethod(ready.service, this.service, method, kind);
          const metadata = buildMetadata(ready.grpc, ready.metadata, options?.metadata);
          const opening = { client: this.channel(ready), method: definition, metadata, deadline: Date.now() + deadline };
          call.open(opening, this.row(scope, method, options), takeStart(this.user.scope, this.user.clock.now()));
        } catch (error) {
          call.refuse(error);
        }
      },
      (error: unknown) => call.refuse(error),
    );
    return call;
  }

  /** The call's deadline in ms from now: its own, else the client's. */
  private deadline(options: GrpcCallOptions | undefined): number {
    if (options === undefined || options.deadline === undefined) return this.deadlineMs;
    return durationMs(options.deadline, `${this.service}: deadline`);
  }

  private prepare(): Promise<Ready> {
    this.ready ??= this.load();
    return this.ready;
  }

  private async load(): Promise<Ready> {
    const [{ grpc }, definition] = await Promise.all([grpcModules(), loadProto(this.file)]);
    const service = findService(definition, this.file, this.service);
    const metadata = this.options.metadata === undefined ? undefined : buildMetadata(grpc, undefined, this.options.metadata);
    return { grpc, service, metadata };
  }

  /** The user's channel to the target, looked up per call: one the user closed opens again. */
  private channel(ready: Ready): Client {
    return this.user.channel(ready.grpc, this.channelKey, this.options);
  }

  /** The call's row in `scope` (the user's when the call was made), made on first use. */
  private row(scope: number, method: string, options: GrpcCallOptions | undefined): number {
    const custom = options === undefined ? undefined : options.name;
    const names = custom === undefined ? this.methodRows : this.namedRows;
    const key = custom === undefined ? method : custom;
    let entry = names.get(key);
    if (entry === undefined) {
      entry = { name: custom === undefined ? `${this.service}/${method}` : custom, byScope: new Map() };
      names.set(key, entry);
    }
    let row = entry.byScope.get(scope);
    if (row === undefined) {
      row = this.user.recorder.endpoint(scope, GRPC_ROW_TYPE, entry.name, 'grpc');
      entry.byScope.set(scope, row);
    }
    return row;
  }
}
