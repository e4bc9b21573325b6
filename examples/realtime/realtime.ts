/**
 * Seed 002's "WebSocket load testing for real-time APIs", and the rest of what a real-time
 * product speaks, in one run against the demo service: a web client over HTTP/1.1 and HTTP/2,
 * a chat over WebSocket, an LLM-style token stream over Server-Sent Events, and the ledger
 * behind them over gRPC. Every protocol lands in the same stats table (a Protocol column says
 * which), with the same percentiles, thresholds and reports.
 *
 *   npx volley run examples/realtime/realtime.ts --demo            # 20 s, the scenario's load
 *   npx volley run examples/realtime/realtime.ts --demo -t 5s      # a short run
 */

import { between, constant, defineScenario, defineUser, type GrpcServiceClient, type WsSocket } from 'volley';

/** The web app's page loads: the same two API calls over HTTP/1.1 and over HTTP/2. */
export const WebClient = defineUser({
  weight: 2,
  wait: between('50ms', '150ms'),
  tasks: {
    'items over HTTP/1.1': ({ http }) => http.get('/api/items', { query: { limit: 10 } }),
    // Two requests at once: two streams of one HTTP/2 session (h2c on the demo's port).
    'items over HTTP/2': ({ http }) =>
      Promise.all([http.get('/api/items', { query: { limit: 10 }, httpVersion: 2 }), http.get('/health', { httpVersion: 2 })]),
  },
});

interface ChatState {
  chat: WsSocket;
  sent: number;
}

/** A chat client: one socket for its whole life, a message and its echo as a round trip. */
export const Chatter = defineUser<ChatState>({
  weight: 2,
  wait: constant('100ms'),
  async onStart(vu) {
    // The demo echoes each message after 10 ms.
    vu.state.chat = await vu.ws.connect('/chat?delay=10', { name: '/chat' });
    vu.state.sent = 0;
  },
  tasks: {
    'say hello': async (vu) => {
      const id = `${vu.id}-${++vu.state.sent}`;
      await vu.state.chat.request({ id, text: 'hello' }, (message) => String(message).includes(`"${id}"`), { timeout: '2s' });
    },
  },
});

/** An LLM-style answer: 10 tokens 20 ms apart, read as they stream in. */
export const TokenReader = defineUser({
  weight: 1,
  wait: constant('200ms'),
  tasks: {
    'stream an answer': async ({ http }) => {
      let tokens = 0;
      for await (const event of http.sse('/stream/tokens', { query: { count: 10, delay: 20 }, reconnect: false })) {
        if (event.event === 'token') tokens++;
      }
      if (tokens !== 10) throw new Error(`expected 10 tokens, got ${tokens}`);
    },
  },
});

/** The back office: balances (unary) and statements (a server stream) from the gRPC ledger. */
export const Accountant = defineUser<{ ledger: GrpcServiceClient }>({
  weight: 1,
  wait: between('50ms', '150ms'),
  onStart(vu) {
    // `volley run --demo` says where the demo's ledger listens, and where its proto file is.
    vu.state.ledger = vu.grpc.client(process.env.VOLLEY_DEMO_GRPC_PROTO ?? 'ledger.proto', 'ledger.Ledger', {
      target: process.env.VOLLEY_DEMO_GRPC ?? '127.0.0.1:50051',
      deadline: '2s',
    });
  },
  tasks: {
    balance: (vu) => vu.state.ledger.unary('GetBalance', { account: `a${(vu.id % 1000) + 1}` }),
    statement: async (vu) => {
      for await (const entry of vu.state.ledger.serverStream('History', { account: 'a1', count: 5 })) void entry;
    },
  },
});

export default defineScenario({
  name: 'realtime',
  host: 'http://127.0.0.1:8000',
  users: [WebClient, Chatter, TokenReader, Accountant],
  load: { users: 12, spawnRate: 12, duration: '20s' },
  thresholds: [
    'successRate>=99%',
    // Each protocol judged on its own rows.
    'protocol=h2:p95<250ms',
    'method=RTT:p95<150ms',
    'protocol=sse:p95<250ms',
    'protocol=grpc:p95<250ms',
    'metric=sse_event_gap_ms:p95<100ms',
  ],
});
