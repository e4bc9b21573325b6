/**
 * gRPC for virtual users (`vu.grpc`): unary and streaming calls on grpc-js, loaded on first use.
 */

export { GrpcUser, GRPC_MESSAGES_RECEIVED, GRPC_MESSAGES_SENT } from './grpc-user.js';
export { GRPC_ROW_TYPE } from './service-client.js';
export { GRPC_STATUS_NAMES, type GrpcStatusName, grpcStatusName } from './status-names.js';
export type {
  GrpcApi,
  GrpcBidiStream,
  GrpcCallOptions,
  GrpcClientOptions,
  GrpcClientStream,
  GrpcMessage,
  GrpcMetadataInput,
  GrpcMetadataValues,
  GrpcResult,
  GrpcServerStream,
  GrpcServiceClient,
  GrpcTlsOptions,
} from './grpc-types.js';
