/**
 * grpc-js and proto-loader, imported on first use: together they take about 100 ms to load, which
 * a run that never speaks gRPC should not pay. Every gRPC client in the process shares the one
 * import.
 */

export type GrpcJs = typeof import('@grpc/grpc-js');
export type ProtoLoader = typeof import('@grpc/proto-loader');

export interface GrpcModules {
  grpc: GrpcJs;
  loader: ProtoLoader;
}

let loading: Promise<GrpcModules> | undefined;

export function grpcModules(): Promise<GrpcModules> {
  loading ??= Promise.all([import('@grpc/grpc-js'), import('@grpc/proto-loader')]).then(([grpc, loader]) => ({
    grpc,
    loader,
  }));
  return loading;
}
