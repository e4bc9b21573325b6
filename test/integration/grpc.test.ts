/**
 * gRPC through the real CLI: a scenario making every kind of call, split over 3 worker threads
 * against a ledger this test serves, records exactly the calls the server saw (and the messages
 * the streams carried), with the proto path resolved beside the scenario in every worker; and a
 * `--demo` run reaches the demo's own ledger through VOLLEY_DEMO_GRPC; and loading volley, its
 * run command included, loads no grpc-js.
 */

import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GrpcLedgerServer, LEDGER_PROTO, startGrpcLedger } from '../../src/demo/grpc-ledger.js';
import type { Result } from '../../src/metrics/result.js';
import { CLI, runCli, tempDir, writeScenario } from '../helpers/cli.js';

let ledger: GrpcLedgerServer;
beforeAll(async () => {
  ledger = await startGrpcLedger('127.0.0.1', () => 0);
});
afterAll(() => ledger.close());

function read(path: string): Result {
  return JSON.parse(readFileSync(path, 'utf8')) as Result;
}

/** Per iteration: 2 unary calls (one NOT_FOUND), a 3-entry history, 2 deposits, 2 transfers. */
const SCENARIO = `import { defineScenario, defineUser } from 'volley';
export const Teller = defineUser({
  tasks: [{ run: async (vu) => {
    const ledger = vu.grpc.client('proto/ledger.proto', 'ledger.Ledger', { target: process.env.LEDGER_TARGET, deadline: 5 });
    await ledger.unary('GetBalance', { account: 'a' + (vu.id + 1) });
    await ledger.unary('GetBalance', { account: 'closed-' + vu.id }, { name: 'missing account' });
    const history = ledger.serverStream('History', { account: 'a1', count: 3 });
    for await (const _entry of history) { /* read them all */ }
    const deposit = ledger.clientStream('Deposit');
    deposit.write({ account: 'a1', amount: 1 });
    deposit.write({ account: 'a1', amount: 2 });
    const summary = await deposit.end();
    if (summary.message.total !== 3) throw new Error('deposits summed to ' + summary.message.total);
    const transfer = ledger.bidi('Transfer');
    for (const amount of [1, 2]) {
      transfer.write({ from: 'a1', to: 'a2', amount });
      for await (const _reply of transfer) break;
    }
    await transfer.end();
  } }],
});
export default defineScenario({ users: [Teller], load: { users: 6, iterationsPerUser: 3 } });`;

describe('gRPC through the CLI', () => {
  it('merges 3 workers into exactly the calls the server saw', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'proto'));
    copyFileSync(LEDGER_PROTO, join(dir, 'proto', 'ledger.proto'));
    const file = writeScenario(dir, 'ledger.ts', SCENARIO);
    const json = join(dir, 'result.json');
    const before = ledger.calls();
    const run = await runCli(['run', file, '--workers', '3', '--json', json, '-q'], {
      env: { LEDGER_TARGET: ledger.target },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1); // the NOT_FOUND calls fail
    const result = read(json);
    expect(result.workers?.length).toBe(3);
    const iterations = 18;
    const grpcRows = result.endpoints.filter((e) => e.method === 'GRPC');
    expect(grpcRows.every((e) => e.protocol === 'grpc')).toBe(true);
    const calls = grpcRows.reduce((sum, e) => sum + e.requests, 0);
    expect(calls).toBe(5 * iterations);
    expect(calls).toBe(ledger.calls() - before);
    const byName = new Map(grpcRows.map((e) => [e.name, e]));
    expect(byName.get('missing account')).toMatchObject({ requests: iterations, failures: iterations });
    expect(byName.get('ledger.Ledger/GetBalance')).toMatchObject({ requests: iterations, failures: 0 });
    expect(result.errors.map((e) => [e.message, e.count])).toEqual([['NOT_FOUND', iterations]]);
    const metric = (name: string) => result.metrics?.find((m) => m.name === name)?.sum;
    // Sent: 1 history request, 2 deposits, 2 transfers; received: 3 entries, 1 summary, 2 replies.
    expect(metric('grpc_messages_sent')).toBe(5 * iterations);
    expect(metric('grpc_messages_received')).toBe(6 * iterations);
  });

  it('reaches the demo ledger of a --demo run through VOLLEY_DEMO_GRPC', async () => {
    const dir = tempDir();
    const file = writeScenario(
      dir,
      'demo.ts',
      `import { defineScenario, defineUser } from 'volley';
export const Teller = defineUser({ tasks: [{ run: async (vu) => {
  const ledger = vu.grpc.client(process.env.VOLLEY_DEMO_GRPC_PROTO, 'ledger.Ledger', { target: process.env.VOLLEY_DEMO_GRPC });
  const res = await ledger.unary('GetBalance', { account: 'a3' });
  if (res.message.balance !== 300) throw new Error('balance ' + res.message.balance);
} }] });
export default defineScenario({ users: [Teller], load: { users: 2, iterationsPerUser: 2 } });`,
    );
    const json = join(dir, 'result.json');
    const run = await runCli(['run', file, '--demo', '--json', json, '-q']);
    expect(run.code).toBe(0);
    const result = read(json);
    expect(result.endpoints.map((e) => [e.method, e.name, e.requests, e.failures])).toEqual([
      ['GRPC', 'ledger.Ledger/GetBalance', 4, 0],
    ]);
  });
});

describe('loading gRPC lazily', () => {
  it('loads no grpc-js with volley and its run command', () => {
    const dist = (path: string) => JSON.stringify(pathToFileURL(join(CLI, '..', '..', path)).href);
    const script = `
      import { createRequire } from 'node:module';
      await import(${dist('index.js')});
      await import(${dist('cli/run-command.js')});
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((m) => m.includes('@grpc'));
      console.log(loaded.length);`;
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim()).toBe('0');
  });
});
