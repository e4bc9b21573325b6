/**
 * A streaming call (server, client or bidirectional), made at once and opened when the proto
 * and grpc-js are loaded: writes made before that wait in order, as does an early `end()`.
 * Whatever the status, the call resolves its `result`; the messages it received are iterated
 * through a MessageQueue. Each message sent or received counts once in the built-in counters.
 */

import type { Client, ClientReadableStream, ClientWritableStream, Metadata, StatusObject } from '@grpc/grpc-js';
import { type CallEnd, finishCall, type GrpcCallOwner } from './call-outcome.js';
import type { GrpcMessage, GrpcResult } from './grpc-types.js';
import { MessageQueue } from './message-queue.js';
import type { GrpcCallKind, GrpcMethod } from './proto-services.js';

type AnyStream = ClientReadableStream<unknown> | ClientWritableStream<object>;
type Writable = ClientWritableStream<object>;

/** What opening a call needs, ready once the proto is loaded. */
export interface OpenCall {
  client: Client;
  method: GrpcMethod;
  metadata: Metadata;
  deadline: number;
}

export class StreamCall<Request, Response> implements AsyncIterable<Response> {
  readonly result: Promise<GrpcResult<Response>>;
  private readonly messages = new MessageQueue<Response>();
  private settle!: (result: GrpcResult<Response>) => void;
  private reject!: (error: unknown) => void;
  private call: AnyStream | undefined;
  private readonly waitingWrites: Request[] = [];
  private endAsked = false;
  private readonly outcome: CallEnd<Response> = {
    code: 0,
    details: '',
    message: undefined,
    headers: undefined,
    trailers: undefined,
    sent: 0,
    received: 0,
    at: 0,
  };
  /** The status arrived / every received message was delivered: the call ends when both are. */
  private statusSeen = false;
  private readDone: boolean;
  /** The call's row and when it was due (clock ms), known when it opens. */
  private row = 0;
  private start = 0;

  constructor(
    private readonly owner: GrpcCallOwner,
    private readonly kind: GrpcCallKind,
    private readonly request: GrpcMessage | undefined,
  ) {
    this.readDone = kind === 'clientStream';
    this.result = new Promise((resolve, reject) => {
      this.settle = resolve;
      this.reject = reject;
    });
    // A script that only iterates must not see an unhandled rejection on `result`.
    this.result.catch(() => undefined);
  }

  [Symbol.asyncIterator](): AsyncIterator<Response> {
    return this.messages;
  }

  write(message: Request): void {
    if (this.kind === 'serverStream') throw new TypeError('a server-streaming call sends its one request when made');
    if (this.endAsked) throw new TypeError(`write() after end() on a gRPC ${this.kind} call`);
    if (this.statusSeen) return; // The server ended the call: nothing more goes out.
    if (this.call === undefined) this.waitingWrites.push(message);
    else this.send(this.call as Writable, message);
  }

  /** A message goes out, and counts (a write waiting for a call that never opens does not). */
  private send(call: Writable, message: Request): void {
    this.outcome.sent++;
    this.owner.recorder.metricSample(this.owner.sentMetric(), 1);
    call.write(message as object);
  }

  end(): Promise<GrpcResult<Response>> {
    if (!this.endAsked) {
      this.endAsked = true;
      if (this.call !== undefined && !this.statusSeen) (this.call as Writable).end();
    }
    return this.result;
  }

  /** The proto could not be loaded or the method is wrong: the call never starts. */
  refuse(error: unknown): void {
    this.messages.fail(error);
    this.reject(error);
  }

  open({ client, method, metadata, deadline }: OpenCall, row: number, start: number): void {
    this.row = row;
    this.start = start;
    const serialize = method.requestSerialize;
    const deserialize = method.responseDeserialize as (value: Buffer) => Response;
    const options = { deadline };
    let call: AnyStream;
    if (this.kind === 'serverStream') {
      this.outcome.sent = 1;
      this.owner.recorder.metricSample(this.owner.sentMetric(), 1);
      call = client.makeServerStreamRequest(method.path, serialize, deserialize, this.request ?? {}, metadata, options);
    } else if (this.kind === 'clientStream') {
      call = client.makeClientStreamRequest(method.path, serialize, deserialize, metadata, options, (error, response) => {
        if (error === null) this.outcomeMessage(response);
      });
    } else {
      call = client.makeBidiStreamRequest(method.path, serialize, deserialize, metadata, options);
    }
    this.call = call;
    this.listen(call);
    for (const message of this.waitingWrites) this.send(call as Writable, message);
    this.waitingWrites.length = 0;
    if (this.endAsked) (call as Writable).end();
  }

  private listen(call: AnyStream): void {
    this.owner.active.add(call);
    call.on('metadata', (headers: Metadata) => {
      this.outcome.headers = headers;
    });
    // A non-OK status also arrives as an 'error' event, which must be listened to: the status is what counts.
    call.on('error', () => undefined);
    if (!this.readDone) {
      call.on('data', (message: Response) => this.received(message));
      call.once('end', () => this.readEnded());
      call.once('close', () => this.readEnded());
    }
    call.on('status', (status: StatusObject) => this.statusArrived(call, status));
  }

  private received(message: Response): void {
    this.outcome.received++;
    this.owner.recorder.metricSample(this.owner.receivedMetric(), 1);
    this.messages.push(message);
  }

  /** A client-streaming call's one response. */
  private outcomeMessage(response: Response | undefined): void {
    this.outcome.message = response;
    this.outcome.received = 1;
    this.owner.recorder.metricSample(this.owner.receivedMetric(), 1);
  }

  private readEnded(): void {
    if (this.readDone) return;
    this.readDone = true;
    if (this.statusSeen) this.finish();
  }

  private statusArrived(call: AnyStream, status: StatusObject): void {
    if (this.statusSeen) return;
    this.statusSeen = true;
    this.owner.active.delete(call);
    this.outcome.at = this.owner.clock.now();
    this.outcome.code = status.code;
    this.outcome.details = status.details;
    this.outcome.trailers = status.metadata;
    // Messages still buffered in the stream are delivered before its 'end': wait for them.
    if (this.readDone) this.finish();
  }

  private finish(): void {
    this.messages.close();
    this.settle(finishCall(this.owner, this.row, this.start, this.outcome));
  }
}
