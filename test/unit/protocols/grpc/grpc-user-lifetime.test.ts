/**
 * `vu.grpc` on a real virtual user: made on first use, its channels closed when the user ends
 * (closed model: run(); open model: finish()), its calls in flight cancelled and left unrecorded
 * when the run is killed.
 */

import type * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { constant } from '../../../../src/api/wait-time.js';
import { type GrpcLedgerServer, startGrpcLedger } from '../../../../src/demo/grpc-ledger.js';
import { compileClass } from '../../../../src/engine/compiled-class.js';
import { VirtualUser } from '../../../../src/engine/virtual-user.js';
import type { TaskFunction } from '../../../../src/engine/vu-context.js';
import { IntervalRecorder } from '../../../../src/metrics/interval-recorder.js';
import type { GrpcUser, GrpcResult } from '../../../../src/protocols/grpc/index.js';
import { HttpClient } from '../../../../src/protocols/http/index.js';
import { grpcUser, LEDGER_PROTO, startProbe } from './grpc-servers.js';
import { userEnvironment } from '../../../helpers/user-environment.js';

let ledger: GrpcLedgerServer;
beforeAll(async () => {
  ledger = await startGrpcLedger('127.0.0.1', () => 0);
});
afterAll(() => ledger.close());

function virtualUser(task: TaskFunction<object, unknown>) {
  const recorder = new IntervalRecorder({ now: () => 0 });
  const spec = { name: 'Teller', weight: 1, wait: constant(0), sequential: true, tasks: [{ name: 't', weight: 1, tags: [], run: task }] };
  const env = userEnvironment(recorder);
  return { recorder, user: new VirtualUser(0, compileClass(spec, '', recorder), new HttpClient({ recorder }), env) };
}

describe('vu.grpc over a user’s life', () => {
  it('closes the channels a closed-model user opened when it ends', async () => {
    let seen: GrpcUser | undefined;
    const { user, recorder } = virtualUser(async (vu) => {
      seen = vu.grpc as GrpcUser;
      await vu.grpc.client(LEDGER_PROTO, 'ledger.Ledger', { target: ledger.target }).unary('GetBalance', { account: 'a1' });
      expect(seen.openChannels).toBe(1);
    });
    await user.run(new AbortController().signal, 2);
    expect(seen?.openChannels).toBe(0);
    expect(recorder.flush(1).endpoints.map((e) => [e.key.name, e.requests])).toEqual([['ledger.Ledger/GetBalance', 2]]);
  });

  it('closes them when an open-model user finishes', async () => {
    let seen: GrpcUser | undefined;
    const { user } = virtualUser(async (vu) => {
      seen = vu.grpc as GrpcUser;
      await vu.grpc.client(LEDGER_PROTO, 'ledger.Ledger', { target: ledger.target }).unary('GetBalance', { account: 'a1' });
    });
    expect(await user.start()).toBe(true);
    expect(await user.iterate()).toBe(true);
    expect(seen?.openChannels).toBe(1);
    await user.finish();
    expect(seen?.openChannels).toBe(0);
  });

  it('cancels calls in flight when the run is killed, and records none of them', async () => {
    const probe = await startProbe({
      GetBalance: (_call: unknown, _callback: grpc.sendUnaryData<object>) => undefined, // never answers
      Transfer: () => undefined,
    });
    const { user, recorder } = grpcUser();
    const client = user.client(LEDGER_PROTO, 'ledger.Ledger', { target: probe.target });
    const pending: Promise<GrpcResult<unknown>>[] = [client.unary('GetBalance', { account: 'a1' })];
    const stream = client.bidi('Transfer');
    stream.write({ from: 'a1', to: 'a2', amount: 1 });
    pending.push(stream.result);
    await new Promise((resolve) => setTimeout(resolve, 50));
    user.destroy();
    const results = await Promise.all(pending);
    expect(results.map((r) => r.statusName)).toEqual(['CANCELLED', 'CANCELLED']);
    expect(recorder.flush(1).endpoints.every((e) => e.requests === 0)).toBe(true);
    expect(user.openChannels).toBe(0);
    probe.server.forceShutdown();
  });
});
