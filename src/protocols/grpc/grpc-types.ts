/**
 * What a scenario sees of gRPC: `vu.grpc.client()` and the service client it returns, the
 * options of both, and what a call resolves with.
 */

import type { DurationInput } from '../../core/units/duration.js';
import type { GrpcStatusName } from './status-names.js';

/** A protobuf message as proto-loader reads and writes it: field names as in the .proto. */
export type GrpcMessage = Record<string, unknown>;

/** Metadata to send: a value per key, or several; `-bin` keys take Buffers. */
export type GrpcMetadataInput = Record<string, string | Buffer | readonly (string | Buffer)[]>;

/** Metadata received: the first value of each key. */
export type GrpcMetadataValues = Record<string, string | Buffer>;

/** TLS for a channel: `true` for the system's root certificates, or PEM material of your own. */
export interface GrpcTlsOptions {
  /** Root certificates to trust (PEM). */
  ca?: string | Buffer;
  /** Client certificate chain (PEM), for mutual TLS. */
  cert?: string | Buffer;
  /** Client private key (PEM), for mutual TLS. */
  key?: string | Buffer;
}

export interface GrpcClientOptions {
  /** `host:port` of the server, e.g. `127.0.0.1:50051`. */
  target: string;
  /** Speak TLS (default: plaintext). */
  tls?: boolean | GrpcTlsOptions;
  /** With TLS, accept any server certificate (self-signed test servers). Implies `tls`. */
  insecure?: boolean;
  /** Metadata sent with every call of this client (a call's own metadata adds to it). */
  metadata?: GrpcMetadataInput;
  /** Every call's deadline unless the call gives its own; a bare number is seconds. Default 60s. */
  deadline?: DurationInput;
  /** grpc-js channel options (`grpc.max_receive_message_length`, …). */
  channelOptions?: Record<string, string | number>;
}

export interface GrpcCallOptions {
  /** Metadata for this call, added to the client's. */
  metadata?: GrpcMetadataInput;
  /** This call's deadline, from when it starts; a bare number is seconds. */
  deadline?: DurationInput;
  /** The row's name instead of `package.Service/Method`. */
  name?: string;
}

/** How a call ended. It resolves for every status: check `ok` (a non-OK status is no exception). */
export interface GrpcResult<Response = GrpcMessage> {
  /** Status OK. */
  ok: boolean;
  /** The numeric status code (0 is OK). */
  status: number;
  /** The status as gRPC names it: `OK`, `NOT_FOUND`, `DEADLINE_EXCEEDED`… */
  statusName: GrpcStatusName;
  /** The response: a unary or client-streaming call's, when OK; otherwise undefined. */
  message: Response | undefined;
  /** The status details the server (or grpc-js) gave; empty when OK. */
  details: string;
  /** The response headers (initial metadata); empty when none arrived. */
  metadata: GrpcMetadataValues;
  /** The trailers that came with the status. */
  trailers: GrpcMetadataValues;
  /** From when the call was due to its final status, in ms. */
  durationMs: number;
  /** Messages the script wrote (1 for a unary or server-streaming call). */
  messagesSent: number;
  /** Messages received (0 or 1 for a unary or client-streaming call). */
  messagesReceived: number;
}

/** A server-streaming call: iterate its messages; `result` resolves with the final status. */
export interface GrpcServerStream<Response = GrpcMessage> extends AsyncIterable<Response> {
  /**
   * The call's end. Iterating ends quietly on any status (read it here); leaving the loop early
   * stops reading, and the call still runs to its status, which is what is recorded.
   */
  readonly result: Promise<GrpcResult<undefined>>;
}

/** A client-streaming call: `write()` messages, then `end()` for the response. */
export interface GrpcClientStream<Request = GrpcMessage, Response = GrpcMessage> {
  /** Queues a message (sent once the call is open). */
  write(message: Request): void;
  /** Closes the sending side; resolves with the status and the server's one response. */
  end(): Promise<GrpcResult<Response>>;
  /** The same promise `end()` returns. */
  readonly result: Promise<GrpcResult<Response>>;
}

/** A bidirectional call: write messages, iterate the responses, `end()` when done sending. */
export interface GrpcBidiStream<Request = GrpcMessage, Response = GrpcMessage>
  extends AsyncIterable<Response> {
  write(message: Request): void;
  /** Closes the sending side; resolves with the final status once the server ends the call. */
  end(): Promise<GrpcResult<undefined>>;
  readonly result: Promise<GrpcResult<undefined>>;
}

/** One service of one proto file, on one target: `vu.grpc.client(…)`. */
export interface GrpcServiceClient {
  /** `package.Service`, as given. */
  readonly service: string;
  unary<Response = GrpcMessage>(
    method: string,
    request: GrpcMessage,
    options?: GrpcCallOptions,
  ): Promise<GrpcResult<Response>>;
  serverStream<Response = GrpcMessage>(
    method: string,
    request: GrpcMessage,
    options?: GrpcCallOptions,
  ): GrpcServerStream<Response>;
  clientStream<Request = GrpcMessage, Response = GrpcMessage>(
    method: string,
    options?: GrpcCallOptions,
  ): GrpcClientStream<Request, Response>;
  bidi<Request = GrpcMessage, Response = GrpcMessage>(
    method: string,
    options?: GrpcCallOptions,
  ): GrpcBidiStream<Request, Response>;
}

/** `vu.grpc`: the user's gRPC channels. */
export interface GrpcApi {
  /**
   * A client for `service` (`package.Service`) of the proto file at `protoPath` (relative to
   * the calling scenario file, else the working directory). The proto is loaded once per
   * process; the channel is the user's own per (target, TLS settings), closed when the user ends.
   */
  client(protoPath: string, service: string, options: GrpcClientOptions): GrpcServiceClient;
}
