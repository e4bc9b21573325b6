/**
 * The demo's gRPC ledger (src/demo/proto/ledger.proto), on grpc-js's own server and a loopback
 * port of its own: one method of each call kind, for `vu.grpc` examples and tests.
 *
 * - GetBalance (unary): accounts `a1` … `a1000` hold 100 × their number; any other is NOT_FOUND.
 * - History (server streaming): `count` entries (at most 1000) of a known account.
 * - Deposit (client streaming): the count and sum of the amounts streamed.
 * - Transfer (bidi): each transfer echoed with `ok`, or `rejected` for an amount not above 0.
 *
 * The demo's injected latency delays each answer (a stream's first message). A request's
 * `x-request-id` metadata comes back as response metadata. grpc-js is imported here on start.
 */

import type * as Grpc from '@grpc/grpc-js';
import { codeFile } from '../core/package-files.js';
import { seededRandom } from '../core/random.js';

/** The ledger's proto file, shipped beside the built demo (dist/demo/proto/). */
export const LEDGER_PROTO = codeFile('demo/proto/ledger.proto');

export const LEDGER_ACCOUNTS = 1000;
const MAX_HISTORY = 1000;

export interface GrpcLedgerServer {
  /** `127.0.0.1:PORT`, what a gRPC client's `target` takes. */
  target: string;
  /** Calls started so far, of every kind. */
  calls(): number;
  /** Stops at once, cutting calls in flight. */
  close(): Promise<void>;
}

interface Message {
  [field: string]: unknown;
}

/** An account's number when the ledger knows it, else 0. */
export function ledgerAccount(account: unknown): number {
  const match = typeof account === 'string' ? /^a([1-9]\d{0,3})$/.exec(account) : null;
  const n = match === null ? 0 : Number(match[1]);
  return n <= LEDGER_ACCOUNTS ? n : 0;
}

/** The demo's fixed latency plus uniform jitter, drawn from its own seeded generator. */
export function ledgerLatency(fixedMs: number, jitterMs: number, seed: number): () => number {
  const random = seededRandom(seed);
  return jitterMs > 0 ? () => fixedMs + random() * jitterMs : () => fixedMs;
}

export async function startGrpcLedger(host: string, delayMs: () => number): Promise<GrpcLedgerServer> {
  const [grpc, loader] = await Promise.all([import('@grpc/grpc-js'), import('@grpc/proto-loader')]);
  const definition = await loader.load(LEDGER_PROTO, { keepCase: true, defaults: true });
  const server = new grpc.Server();
  let calls = 0;
  const pace: Pace = {
    count: () => void calls++,
    later: (fn) => {
      const delay = delayMs();
      if (delay > 0) setTimeout(fn, delay);
      else fn();
    },
  };
  server.addService(definition['ledger.Ledger'] as Grpc.ServiceDefinition, ledgerHandlers(grpc, pace));
  const bound = host.includes(':') ? `[${host}]` : host;
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${bound}:0`, grpc.ServerCredentials.createInsecure(), (error, port) =>
      error === null ? resolve(port) : reject(error),
    ),
  );
  return {
    target: `${bound}:${port}`,
    calls: () => calls,
    close: () => {
      server.forceShutdown();
      return Promise.resolve();
    },
  };
}

/** Counting the calls, and delaying answers by the demo's latency. */
interface Pace {
  count(): void;
  later(fn: () => void): void;
}

function ledgerHandlers(grpc: typeof Grpc, { count: counted, later }: Pace): Grpc.UntypedServiceImplementation {
  const notFound = (account: unknown): Partial<Grpc.StatusObject> => ({
    code: grpc.status.NOT_FOUND,
    details: `account ${String(account)} not found`,
  });
  return {
    GetBalance: (call: Grpc.ServerUnaryCall<Message, Message>, callback: Grpc.sendUnaryData<Message>) => {
      counted();
      echoRequestId(grpc, call);
      const { account } = call.request;
      const n = ledgerAccount(account);
      later(() => (n === 0 ? callback(notFound(account)) : callback(null, { account, balance: n * 100 })));
    },
    History: (call: Grpc.ServerWritableStream<Message, Message>) => {
      counted();
      echoRequestId(grpc, call);
      const { account, count } = call.request;
      const entries = Math.min(Math.max(Number(count) || 0, 0), MAX_HISTORY);
      later(() => {
        if (ledgerAccount(account) === 0) return void call.emit('error', notFound(account));
        for (let seq = 1; seq <= entries; seq++) call.write({ seq, amount: seq * 10 });
        call.end();
      });
    },
    Deposit: (call: Grpc.ServerReadableStream<Message, Message>, callback: Grpc.sendUnaryData<Message>) => {
      counted();
      echoRequestId(grpc, call);
      let count = 0;
      let total = 0;
      call.on('data', (deposit: Message) => {
        count++;
        total += Number(deposit.amount) || 0;
      });
      call.on('end', () => later(() => callback(null, { count, total })));
    },
    Transfer: (call: Grpc.ServerDuplexStream<Message, Message>) => {
      counted();
      echoRequestId(grpc, call);
      call.on('data', (transfer: Message) => {
        const amount = Number(transfer.amount) || 0;
        call.write({ ...transfer, result: amount > 0 ? 'ok' : 'rejected' });
      });
      call.on('end', () => call.end());
    },
  };
}

/** The caller's `x-request-id` back as response metadata, so scripts can see metadata both ways. */
function echoRequestId(grpc: typeof Grpc, call: { metadata: Grpc.Metadata; sendMetadata(m: Grpc.Metadata): void }): void {
  const id = call.metadata.get('x-request-id')[0];
  if (id === undefined) return;
  const metadata = new grpc.Metadata();
  metadata.set('x-request-id', id);
  call.sendMetadata(metadata);
}
