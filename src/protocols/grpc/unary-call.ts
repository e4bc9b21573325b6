/**
 * A unary call: one request, one response, settled at the final status. It resolves for every
 * status, as an HTTP response does for every status code; only misuse rejects.
 */

import type { Client, Metadata, ServiceError, StatusObject } from '@grpc/grpc-js';
import { type CallEnd, finishCall, type GrpcCallOwner } from './call-outcome.js';
import type { GrpcMessage, GrpcResult } from './grpc-types.js';
import type { GrpcMethod } from './proto-services.js';

export function unaryCall<Response>(
  owner: GrpcCallOwner,
  row: number,
  start: number,
  client: Client,
  method: GrpcMethod,
  request: GrpcMessage,
  metadata: Metadata,
  deadline: number,
): Promise<GrpcResult<Response>> {
  return new Promise((resolve) => {
    const end: CallEnd<Response> = {
      code: 0,
      details: '',
      message: undefined,
      headers: undefined,
      trailers: undefined,
      sent: 1,
      received: 0,
      at: 0,
    };
    const call = client.makeUnaryRequest(
      method.path,
      method.requestSerialize,
      method.responseDeserialize as (value: Buffer) => Response,
      request,
      metadata,
      { deadline },
      (error: ServiceError | null, response?: Response) => {
        // grpc-js answers an OK status without a message with an error of its own: take that.
        if (error === null) {
          end.message = response;
          end.received = 1;
        } else {
          end.code = error.code;
          end.details = error.details;
        }
      },
    );
    owner.active.add(call);
    call.on('metadata', (headers: Metadata) => {
      end.headers = headers;
    });
    call.on('status', (status: StatusObject) => {
      owner.active.delete(call);
      end.at = owner.clock.now();
      end.trailers = status.metadata;
      resolve(finishCall(owner, row, start, end));
    });
  });
}
