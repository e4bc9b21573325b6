// Simulated remote workers for bench/coordinator.mjs: N WebSocket connections to a real
// coordinator (`volley run --coordinator`), speaking volley's wire protocol as `volley worker`
// does (hello, ready on assign, snapshot deltas every second from the start, done), but sending
// figures instead of load: each worker's snapshot has R rows with latency and TTFB histograms
// from an IntervalRecorder fed ~2,000 requests a second, as a real worker's would be.
// Prints one JSON line per snapshot sent (worker, send time, frame bytes) and a summary last.
//
//   node bench/coordinator-workers.mjs ws://127.0.0.1:5557 <workers> <rows> <seconds>
import { hostname } from 'node:os';
import WebSocket from 'ws';
import { PROTOCOL_VERSION } from '../dist/cluster/protocol.js';
import { IntervalRecorder } from '../dist/metrics/interval-recorder.js';

const [url, workers, rows, seconds] = [process.argv[2], ...process.argv.slice(3, 6).map(Number)];
const REQUESTS_PER_SECOND = Number(process.env.COORD_WORKER_RPS ?? 2000);
const epochNow = () => performance.timeOrigin + performance.now();

/** The bytes a masked client frame of `payload` bytes takes on the wire (RFC 6455 header + mask). */
const frameBytes = (payload) => payload + 2 + 4 + (payload < 126 ? 0 : payload < 65_536 ? 2 : 8);

function simulate(index) {
  return new Promise((resolve) => {
    const socket = new WebSocket(url);
    let origin = 0;
    const recorder = new IntervalRecorder({ worker: index, now: () => epochNow() - origin });
    const scope = recorder.scope('', 'Shopper', []);
    const ids = Array.from({ length: rows }, (_, i) => recorder.endpoint(scope, i % 4 === 0 ? 'POST' : 'GET', `/api/endpoint/${i}`));
    let ticker;
    let ender;
    let ended = false;
    const send = (message) => socket.readyState === socket.OPEN && socket.send(JSON.stringify(message));
    const snapshot = () => {
      for (let i = 0; i < REQUESTS_PER_SECOND; i++) {
        const latency = 800 + Math.floor(Math.random() * 30_000) + (Math.random() < 0.01 ? 250_000 : 0);
        recorder.record(ids[i % rows], latency, latency >> 1, i % 97 === 0 ? 500 : 200, 512, 180, i % 97 === 0);
      }
      const text = JSON.stringify({ type: 'snapshot', snapshot: recorder.flush(10), loopDelayP99Ms: 2.1 });
      const sentAt = epochNow();
      if (socket.readyState === socket.OPEN) socket.send(text);
      process.stdout.write(`${JSON.stringify({ worker: index, sentAt, bytes: frameBytes(Buffer.byteLength(text)) })}\n`);
    };
    const end = () => {
      if (ended) return;
      ended = true;
      clearInterval(ticker);
      clearTimeout(ender);
      snapshot();
      send({ type: 'done', reason: 'duration', killed: false });
      socket.close(1000, 'done');
    };
    socket.on('open', () => send({ type: 'hello', version: PROTOCOL_VERSION, host: `${hostname()}-sim-${index}` }));
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString());
      if (message.type === 'assign') send({ type: 'ready' });
      else if (message.type === 'start') {
        origin = epochNow();
        recorder.flush(0);
        ticker = setInterval(snapshot, 1000);
        ender = setTimeout(end, seconds * 1000);
      } else if (message.type === 'stop' || message.type === 'kill') end();
      else if (message.type === 'refused') process.stderr.write(`worker ${index} refused: ${message.reason}\n`);
    });
    socket.on('close', () => {
      clearInterval(ticker);
      clearTimeout(ender);
      resolve(socket.extensions);
    });
    socket.on('error', (error) => process.stderr.write(`worker ${index}: ${error.message}\n`));
  });
}

const extensions = await Promise.all(Array.from({ length: workers }, (_, i) => simulate(i)));
process.stdout.write(`${JSON.stringify({ summary: true, extensions: extensions[0] ?? '' })}\n`);
