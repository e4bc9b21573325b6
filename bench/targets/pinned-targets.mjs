// The bench's two targets, pinned to CPU 0: the fast one (nginx, or a Node server without
// delay when nginx is not installed) and the 20 ms Node server.
import { fileURLToPath } from 'node:url';
import { pinned, startServer } from '../lib/process.mjs';
import { startNginx } from './nginx.mjs';

const NODE_SERVER = fileURLToPath(new URL('./node-server.mjs', import.meta.url));

export async function startNodeServer(delayMs) {
  const server = await startServer(0, process.execPath, [NODE_SERVER, String(delayMs)]);
  return { url: `${server.line}/`, name: delayMs > 0 ? `node ${delayMs} ms` : 'node', pid: server.pid, stop: server.stop };
}

export async function startFastTarget() {
  return (await startNginx((cmd, args) => pinned(0, cmd, args))) ?? (await startNodeServer(0));
}
