/**
 * Real grpc-js servers for the gRPC client tests, on 127.0.0.1 port 0: the demo ledger, and a
 * probe service (the same proto) whose handlers each test sets.
 */

import * as grpc from '@grpc/grpc-js';
import * as loader from '@grpc/proto-loader';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../../../../src/core/clock.js';
import { LEDGER_PROTO } from '../../../../src/demo/grpc-ledger.js';
import { IntervalRecorder } from '../../../../src/metrics/interval-recorder.js';
import type { Snapshot, SnapshotEndpoint } from '../../../../src/metrics/snapshot.js';
import { GrpcUser } from '../../../../src/protocols/grpc/index.js';

export { LEDGER_PROTO };

export interface ProbeServer {
  target: string;
  server: grpc.Server;
}

/** The self-signed test certificate (CN localhost, SAN 127.0.0.1) and its key. */
export const TLS_FIXTURE = {
  cert: readFileSync(fileURLToPath(new URL('../../../fixtures/tls/cert.pem', import.meta.url))),
  key: readFileSync(fileURLToPath(new URL('../../../fixtures/tls/key.pem', import.meta.url))),
};

/**
 * A server of the ledger service with the given handlers (the others answer UNIMPLEMENTED),
 * in plaintext or with the TLS test certificate.
 */
export async function startProbe(handlers: grpc.UntypedServiceImplementation, tls = false): Promise<ProbeServer> {
  const definition = await loader.load(LEDGER_PROTO, { keepCase: true, defaults: true });
  const server = new grpc.Server();
  server.addService(definition['ledger.Ledger'] as grpc.ServiceDefinition, handlers);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', tls ? serverTls() : grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error === null ? resolve(bound) : reject(error),
    ),
  );
  return { target: `127.0.0.1:${port}`, server };
}

function serverTls(): grpc.ServerCredentials {
  return grpc.ServerCredentials.createSsl(null, [{ private_key: TLS_FIXTURE.key, cert_chain: TLS_FIXTURE.cert }]);
}

const realClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A gRPC user recording into a fresh recorder, in a scope of its own. */
export function grpcUser() {
  const recorder = new IntervalRecorder({ now: () => 0 });
  const scope = { scope: recorder.scope('', 'Ledger', []), dueAt: Number.NaN };
  const user = new GrpcUser(recorder, realClock, scope);
  return { recorder, scope, user };
}

export function rowOf(snapshot: Snapshot, name: string): SnapshotEndpoint {
  const found = snapshot.endpoints.find((r) => r.key.name === name);
  if (found === undefined) throw new Error(`no row ${name} in ${snapshot.endpoints.map((r) => r.key.name).join(', ')}`);
  return found;
}

export function metricSum(snapshot: Snapshot, name: string): number {
  return snapshot.metrics?.find((m) => m.name === name)?.sum ?? 0;
}
