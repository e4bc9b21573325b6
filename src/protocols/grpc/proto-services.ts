/**
 * Proto files, each loaded once per process (every user and client of it shares the one load),
 * and the services and methods in them, with errors that name what is there instead.
 */

import type { MethodDefinition, PackageDefinition, ServiceDefinition } from '@grpc/proto-loader';
import { VolleyError } from '../../errors.js';
import { grpcModules } from './grpc-modules.js';

export type GrpcMethod = MethodDefinition<object, object>;

/** The four shapes of a gRPC method, by which side streams. */
export type GrpcCallKind = 'unary' | 'serverStream' | 'clientStream' | 'bidi';

/**
 * How proto-loader reads messages: field names as written in the .proto, enums as their names,
 * 64-bit integers as strings (exact), absent fields as their defaults, the set oneof's name.
 */
const LOAD_OPTIONS = { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true } as const;

const loaded = new Map<string, Promise<PackageDefinition>>();

/** The proto at an absolute path, loaded on first use (a failed load is retried next time). */
export function loadProto(file: string): Promise<PackageDefinition> {
  let definition = loaded.get(file);
  if (definition === undefined) {
    definition = grpcModules().then(({ loader }) => loader.load(file, LOAD_OPTIONS));
    definition.catch(() => loaded.delete(file));
    loaded.set(file, definition);
  }
  return definition;
}

function isService(definition: PackageDefinition[string] | undefined): definition is ServiceDefinition {
  return definition !== undefined && !('format' in definition);
}

/** A service by its full name (`ledger.Ledger`); an unknown one names the file's services. */
export function findService(definition: PackageDefinition, file: string, service: string): ServiceDefinition {
  const found = definition[service];
  if (isService(found)) return found;
  const services = Object.keys(definition).filter((name) => isService(definition[name]));
  throw new VolleyError(
    'VOLLEY_E_SCENARIO',
    `vu.grpc.client(): no service '${service}' in ${file} (services: ${services.join(', ') || 'none'})`,
  );
}

export function callKindOf(method: GrpcMethod): GrpcCallKind {
  if (method.requestStream) return method.responseStream ? 'bidi' : 'clientStream';
  return method.responseStream ? 'serverStream' : 'unary';
}

/** A method of the service called the way its kind asks; anything else is a clear error. */
export function findMethod(
  service: ServiceDefinition,
  serviceName: string,
  name: string,
  kind: GrpcCallKind,
): GrpcMethod {
  const method = Object.prototype.hasOwnProperty.call(service, name) ? service[name] : undefined;
  if (method === undefined) {
    const methods = Object.keys(service).map((key) => `${key} (${callKindOf(service[key] as GrpcMethod)})`);
    throw new VolleyError(
      'VOLLEY_E_SCENARIO',
      `${serviceName}: no method '${name}' (methods: ${methods.join(', ')})`,
    );
  }
  const actual = callKindOf(method);
  if (actual !== kind) {
    throw new VolleyError(
      'VOLLEY_E_SCENARIO',
      `${serviceName}/${name} is ${actual === 'unary' ? 'unary' : `a ${actual} method`}: call it with .${actual}(), not .${kind}()`,
    );
  }
  return method;
}
