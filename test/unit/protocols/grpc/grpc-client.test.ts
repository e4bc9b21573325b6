/**
 * `vu.grpc` against real grpc-js servers on loopback: a unary success, a server error status, a
 * deadline exceeded, a server cut mid-call, the three streaming kinds with their message
 * counts, metadata both ways, and misuse errors. Each call's row, sample and error group are
 * read back from the recorder.
 */

import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GrpcLedgerServer, startGrpcLedger } from '../../../../src/demo/grpc-ledger.js';
import { grpcUser, LEDGER_PROTO, metricSum, rowOf, startProbe, TLS_FIXTURE } from './grpc-servers.js';

let ledger: GrpcLedgerServer;
beforeAll(async () => {
  ledger = await startGrpcLedger('127.0.0.1', () => 0);
});
afterAll(() => ledger.close());

function ledgerClient(options: Record<string, unknown> = {}) {
  const setup = grpcUser();
  const client = setup.user.client(LEDGER_PROTO, 'ledger.Ledger', { target: ledger.target, ...options });
  return { ...setup, client };
}

describe('vu.grpc unary calls', () => {
  it('resolves an OK call with its message and records one sample on the method row', async () => {
    const { client, recorder, user } = ledgerClient();
    const res = await client.unary('GetBalance', { account: 'a7' });
    expect(res).toMatchObject({ ok: true, status: 0, statusName: 'OK', message: { account: 'a7', balance: 700 }, details: '' });
    expect(res.durationMs).toBeGreaterThan(0);
    const snapshot = recorder.flush(1);
    const row = rowOf(snapshot, 'ledger.Ledger/GetBalance');
    expect(row.key).toMatchObject({ method: 'GRPC', protocol: 'grpc' });
    expect(row).toMatchObject({ requests: 1, failures: 0 });
    expect(snapshot.errors).toEqual([]);
    user.close();
    // A closed channel opens again on the next call.
    expect((await client.unary('GetBalance', { account: 'a7' })).ok).toBe(true);
    expect(user.openChannels).toBe(1);
    user.close();
  });

  it('resolves a NOT_FOUND status (no rejection) as a failed sample grouped under the code name', async () => {
    const { client, recorder, user } = ledgerClient();
    const res = await client.unary('GetBalance', { account: 'nobody1' }, { name: 'balance' });
    const again = await client.unary('GetBalance', { account: 'zz99' }, { name: 'balance' });
    expect(res).toMatchObject({ ok: false, status: 5, statusName: 'NOT_FOUND', message: undefined });
    expect(res.details).toBe('account nobody1 not found');
    expect(again.ok).toBe(false);
    const snapshot = recorder.flush(1);
    expect(rowOf(snapshot, 'balance')).toMatchObject({ requests: 2, failures: 2 });
    // The details carry ids, so the group is the status name alone: one group for both.
    expect(snapshot.errors.map((e) => [e.message, e.count])).toEqual([['NOT_FOUND', 2]]);
    user.close();
  });

  it('ends a call the server answers too late with DEADLINE_EXCEEDED', async () => {
    const probe = await startProbe({
      GetBalance: (_call: unknown, callback: grpc.sendUnaryData<object>) => setTimeout(() => callback(null, {}), 500),
    });
    const { user, recorder } = grpcUser();
    const client = user.client(LEDGER_PROTO, 'ledger.Ledger', { target: probe.target, deadline: 5 });
    const res = await client.unary('GetBalance', { account: 'a1' }, { deadline: '50ms' });
    expect(res).toMatchObject({ ok: false, statusName: 'DEADLINE_EXCEEDED', status: 4 });
    expect(res.durationMs).toBeGreaterThanOrEqual(45);
    expect(res.durationMs).toBeLessThan(450);
    expect(recorder.flush(1).errors[0]?.message).toMatch(/^DEADLINE_EXCEEDED/);
    user.close();
    probe.server.forceShutdown();
  });

  it('counts a server that goes away mid-call as UNAVAILABLE or CANCELLED, and goes on', async () => {
    let shutdown: () => void = () => undefined;
    const probe = await startProbe({
      GetBalance: () => setTimeout(() => shutdown(), 20), // never answers; the server dies instead
    });
    shutdown = () => probe.server.forceShutdown();
    const { user, recorder } = grpcUser();
    const client = user.client(LEDGER_PROTO, 'ledger.Ledger', { target: probe.target });
    const res = await client.unary('GetBalance', { account: 'a1' });
    expect(['UNAVAILABLE', 'CANCELLED', 'INTERNAL']).toContain(res.statusName);
    const snapshot = recorder.flush(1);
    expect(rowOf(snapshot, 'ledger.Ledger/GetBalance')).toMatchObject({ requests: 1, failures: 1 });
    expect(snapshot.errors).toHaveLength(1);
    // Nothing listens any more: the next call fails fast, it does not hang or throw.
    const next = await client.unary('GetBalance', { account: 'a1' }, { deadline: 2 });
    expect(next.ok).toBe(false);
    user.close();
  });

  it('sends metadata (client and call) and returns the response metadata and trailers', async () => {
    let seen: Record<string, unknown> = {};
    const probe = await startProbe({
      GetBalance: (call: grpc.ServerUnaryCall<object, object>, callback: grpc.sendUnaryData<object>) => {
        seen = call.metadata.getMap();
        const headers = new grpc.Metadata();
        headers.set('x-served-by', 'probe');
        call.sendMetadata(headers);
        const trailers = new grpc.Metadata();
        trailers.set('x-cost', '3');
        callback(null, { account: 'a1', balance: 1 }, trailers);
      },
    });
    const { user } = grpcUser();
    const client = user.client(LEDGER_PROTO, 'ledger.Ledger', { target: probe.target, metadata: { 'x-tenant': 't1' } });
    const res = await client.unary('GetBalance', { account: 'a1' }, { metadata: { 'x-request-id': 'r-1' } });
    expect(seen).toMatchObject({ 'x-tenant': 't1', 'x-request-id': 'r-1' });
    expect(res.metadata).toMatchObject({ 'x-served-by': 'probe' });
    expect(res.trailers).toMatchObject({ 'x-cost': '3' });
    user.close();
    probe.server.forceShutdown();
  });

  it('rejects an unknown method naming the service methods, and a method called as the wrong kind', async () => {
    const { client, recorder, user } = ledgerClient();
    await expect(client.unary('GetBalanse', {})).rejects.toThrow(
      /ledger\.Ledger: no method 'GetBalanse' \(methods: GetBalance \(unary\), History \(serverStream\), Deposit \(clientStream\), Transfer \(bidi\)\)/,
    );
    await expect(client.unary('History', {})).rejects.toThrow(/is a serverStream method: call it with \.serverStream\(\)/);
    await expect(client.clientStream('GetBalance').end()).rejects.toThrow(/is unary/);
    expect(recorder.flush(1).endpoints).toEqual([]);
    user.close();
  });

  it('rejects an unknown service and a missing proto file clearly', async () => {
    const { user } = grpcUser();
    await expect(user.client(LEDGER_PROTO, 'ledger.Ledgr', { target: ledger.target }).unary('GetBalance', {})).rejects.toThrow(
      /no service 'ledger\.Ledgr' in .*ledger\.proto \(services: ledger\.Ledger\)/,
    );
    // Relative to this test file (the caller), not to the working directory.
    const relative = user.client('../../../../src/demo/proto/ledger.proto', 'ledger.Ledger', { target: ledger.target });
    expect((await relative.unary('GetBalance', { account: 'a1' })).ok).toBe(true);
    user.close();
    expect(() => user.client('nowhere/missing.proto', 'x.Y', { target: ledger.target })).toThrow(/proto file 'nowhere\/missing\.proto' not found/);
    expect(() => user.client(LEDGER_PROTO, 'ledger.Ledger', { target: 'http://127.0.0.1:1' })).toThrow(/target is host:port/);
  });
});

describe('vu.grpc over TLS', () => {
  it('trusts a given CA, accepts any certificate when insecure, and fails an untrusted one as UNAVAILABLE', async () => {
    const probe = await startProbe(
      { GetBalance: (_call: unknown, callback: grpc.sendUnaryData<object>) => callback(null, { account: 'a1', balance: 1 }) },
      true,
    );
    const { user, recorder } = grpcUser();
    const call = (options: Record<string, unknown>) =>
      user.client(LEDGER_PROTO, 'ledger.Ledger', { target: probe.target, deadline: 5, ...options }).unary('GetBalance', { account: 'a1' });
    expect((await call({ tls: { ca: TLS_FIXTURE.cert } })).ok).toBe(true);
    expect((await call({ insecure: true })).ok).toBe(true);
    const untrusted = await call({ tls: true });
    expect(untrusted.statusName).toBe('UNAVAILABLE');
    // Plaintext against a TLS port fails too, and is no crash.
    expect((await call({})).ok).toBe(false);
    const snapshot = recorder.flush(1);
    expect(rowOf(snapshot, 'ledger.Ledger/GetBalance')).toMatchObject({ requests: 4, failures: 2 });
    expect(user.openChannels).toBe(4);
    user.close();
    probe.server.forceShutdown();
  });
});

describe('vu.grpc streaming calls', () => {
  it('iterates a server stream and counts its messages', async () => {
    const { client, recorder, user } = ledgerClient();
    const stream = client.serverStream<{ seq: number }>('History', { account: 'a2', count: 5 });
    const seqs: number[] = [];
    for await (const entry of stream) seqs.push(entry.seq);
    expect(seqs).toEqual([1, 2, 3, 4, 5]);
    const res = await stream.result;
    expect(res).toMatchObject({ ok: true, messagesSent: 1, messagesReceived: 5 });
    const snapshot = recorder.flush(1);
    expect(rowOf(snapshot, 'ledger.Ledger/History')).toMatchObject({ requests: 1, failures: 0 });
    expect(metricSum(snapshot, 'grpc_messages_received')).toBe(5);
    expect(metricSum(snapshot, 'grpc_messages_sent')).toBe(1);
    user.close();
  });

  it('ends a server stream quietly on an error status, which is recorded', async () => {
    const { client, recorder, user } = ledgerClient();
    const stream = client.serverStream('History', { account: 'ghost', count: 3 });
    let messages = 0;
    for await (const _ of stream) messages++;
    expect(messages).toBe(0);
    expect((await stream.result).statusName).toBe('NOT_FOUND');
    // Fixed text in the details (no number or id in them) stays in the group.
    expect(recorder.flush(1).errors.map((e) => e.message)).toEqual(['NOT_FOUND: account ghost not found']);
    user.close();
  });

  it('streams deposits from the client and resolves end() with the server summary', async () => {
    const { client, recorder, user } = ledgerClient();
    const call = client.clientStream('Deposit', { metadata: { 'x-request-id': 'd-1' } });
    for (let i = 1; i <= 4; i++) call.write({ account: 'a1', amount: i });
    const res = await call.end();
    expect(res).toMatchObject({ ok: true, message: { count: 4, total: 10 }, messagesSent: 4, messagesReceived: 1 });
    expect(res.metadata).toMatchObject({ 'x-request-id': 'd-1' });
    const snapshot = recorder.flush(1);
    expect(rowOf(snapshot, 'ledger.Ledger/Deposit').requests).toBe(1);
    expect(metricSum(snapshot, 'grpc_messages_sent')).toBe(4);
    expect(metricSum(snapshot, 'grpc_messages_received')).toBe(1);
    user.close();
  });

  it('runs a bidi call: each write answered, loops left early, end() resolves with the status', async () => {
    const { client, recorder, user } = ledgerClient();
    const call = client.bidi<Record<string, unknown>, { amount: number; result: string }>('Transfer');
    const results: string[] = [];
    for (const amount of [5, 0, 7]) {
      call.write({ from: 'a1', to: 'a2', amount });
      for await (const reply of call) {
        results.push(`${reply.amount}:${reply.result}`);
        break;
      }
    }
    const res = await call.end();
    expect(results).toEqual(['5:ok', '0:rejected', '7:ok']);
    expect(res).toMatchObject({ ok: true, messagesSent: 3, messagesReceived: 3 });
    const snapshot = recorder.flush(1);
    expect(rowOf(snapshot, 'ledger.Ledger/Transfer')).toMatchObject({ requests: 1, failures: 0 });
    expect(metricSum(snapshot, 'grpc_messages_sent')).toBe(3);
    expect(metricSum(snapshot, 'grpc_messages_received')).toBe(3);
    user.close();
  });

  it('cuts a bidi call past its deadline with DEADLINE_EXCEEDED', async () => {
    const { client, recorder, user } = ledgerClient();
    const call = client.bidi('Transfer', { deadline: 0.05 });
    call.write({ from: 'a1', to: 'a2', amount: 1 });
    const res = await call.result; // never ended by the script: the deadline ends it
    expect(res.statusName).toBe('DEADLINE_EXCEEDED');
    expect(recorder.flush(1).errors.map((e) => e.message)).toEqual(['DEADLINE_EXCEEDED']);
    user.close();
  });
});
