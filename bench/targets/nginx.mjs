// nginx as the fast target (one worker, `return 200 "ok"`, as in the peers' table), on
// 127.0.0.1 and a free port, pinned to `cpu` when given. Returns null when nginx is not installed.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function installed() {
  try {
    execFileSync('sh', ['-c', 'command -v nginx'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** `pin(cmd, args)` returns the command to run (e.g. under taskset). */
export async function startNginx(pin = (cmd, args) => [cmd, args]) {
  if (!installed()) return null;
  const dir = mkdtempSync(join(tmpdir(), 'volley-bench-nginx-'));
  const port = await freePort();
  writeFileSync(
    join(dir, 'nginx.conf'),
    `worker_processes 1; daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
worker_rlimit_nofile 20000;
events { worker_connections 16384; }
http { access_log off; keepalive_requests 10000000; client_body_temp_path ${dir};
  server { listen 127.0.0.1:${port} backlog=4096; location / { return 200 "ok"; } } }\n`,
  );
  const [cmd, args] = pin('nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir]);
  const child = spawn(cmd, args, { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 500));
  return { url: `http://127.0.0.1:${port}/`, name: 'nginx', pid: child.pid, stop: () => child.kill('SIGTERM') };
}
