// Memory per virtual user: the peak RSS of volley holding 1,000, 5,000 and 10,000 users in one
// process (closed model, each user looping a GET of the 20 ms server over keep-alive, no wait),
// beside autocannon at the same connection counts, and the bytes each extra user costs:
// (RSS(N2) − RSS(N1)) / (N2 − N1). Then 20,000 users over `--workers 2`.
//
//   node bench/memory.mjs                         # 10 s per cell, 1 rep
//   MEM_USERS=1000,5000,10000 MEM_WORKERS_USERS=20000 MEM_SECONDS=10 node bench/memory.mjs
//
// Peak RSS is the kernel's (ru_maxrss through GNU time); the steady RSS is the median VmRSS of
// the run's second half (sampled every 250 ms), less swayed by when the GC ran. The 20 ms server runs pinned to CPU 0;
// with 10,000 users it is the bottleneck (each user waits its turn), which is the point: the
// users are held, not driven fast. Users and connections need file descriptors: a count above
// `ulimit -n` (less a margin) is lowered to fit and the table says so.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { autocannon } from './generators/autocannon.mjs';
import { volleyUrl } from './generators/volley-url.mjs';
import { runGenerator } from './lib/generator-run.mjs';
import { memoryOf } from './lib/process.mjs';
import { fmt, knob, log, mb, median, table } from './lib/stats.mjs';
import { startNodeServer } from './targets/pinned-targets.mjs';

const SECONDS = knob('MEM_SECONDS', knob('BENCH_SECONDS', 10));
const USERS = (process.env.MEM_USERS ?? '1000,5000,10000').split(',').map(Number);
const WORKERS_USERS = knob('MEM_WORKERS_USERS', 20_000);
const FD_LIMIT = Number(execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim());
const fits = (users) => Math.min(users, FD_LIMIT - 200);
const dir = mkdtempSync(join(tmpdir(), 'volley-bench-memory-'));

/**
 * volley starts its users at this rate. All at once, thousands of connects overflow the 20 ms
 * server's accept queue (`net.core.somaxconn`, 4,096 here): the kernel drops the handshakes, the
 * requests sit in TCP's retransmission backoff for tens of seconds, and volley counts them as
 * failed when the run ends (autocannon stops at its duration and counts none of its own). At
 * 2,500 a second, 10,000 users are all running after 4 s of a 10 s cell.
 */
const SPAWN_RATE = knob('MEM_SPAWN_RATE', 2_500);

const TOOLS = {
  volley: (url, users) => volleyUrl({ url, users, seconds: SECONDS, spawnRate: SPAWN_RATE, dir }),
  'autocannon 9.0.0': (url, users) => autocannon({ url, users, seconds: SECONDS }),
};

/** VmRSS every 250 ms while the generator runs; the median of the second half is its steady RSS. */
function sampleRss() {
  const samples = [];
  let timer;
  return {
    onStart: (pid) => {
      timer = setInterval(() => {
        try {
          samples.push(memoryOf(pid).rssBytes);
        } catch {
          clearInterval(timer);
        }
      }, 250);
    },
    steady: () => {
      clearInterval(timer);
      return samples.length === 0 ? NaN : median(samples.slice(Math.floor(samples.length / 2)));
    },
  };
}

async function cell(tool, spec, asked, users, workers) {
  const rss = sampleRss();
  try {
    const r = await runGenerator(spec, { seconds: SECONDS, onStart: rss.onStart });
    const steadyRssBytes = rss.steady();
    log(`memory · ${tool} ${users} users: peak RSS ${mb(r.maxRssBytes)} MB, steady ${mb(steadyRssBytes)} MB, ${r.errors} errors`);
    return { tool, asked, users, workers, ...r, steadyRssBytes };
  } catch (error) {
    log(`memory · ${tool} ${users} users failed: ${error.message.split('\n')[0]}`);
    rss.steady();
    return { tool, asked, users, workers, requests: NaN, errors: NaN, maxRssBytes: NaN, steadyRssBytes: NaN, seconds: NaN };
  }
}

function perUser(rows, tool) {
  const own = rows.filter((r) => r.tool === tool && r.workers === 1).sort((a, b) => a.users - b.users);
  return own.slice(1).map((r, i) => {
    const before = own[i];
    const extra = (field) => fmt((r[field] - before[field]) / (r.users - before.users) / 1024, 1);
    return `- ${tool}: ${fmt(before.users)} → ${fmt(r.users)} users: **${extra('maxRssBytes')} kB per extra user** (peak RSS; ${extra('steadyRssBytes')} kB from the steady RSS)`;
  });
}

const server = await startNodeServer(20);
const rows = [];
try {
  for (const asked of USERS) {
    for (const [tool, make] of Object.entries(TOOLS)) {
      rows.push(await cell(tool, make(server.url, fits(asked)), asked, fits(asked), 1));
    }
  }
  if (WORKERS_USERS > 0) {
    const users = fits(WORKERS_USERS);
    const spec = volleyUrl({ url: server.url, users, seconds: SECONDS, workers: 2, spawnRate: SPAWN_RATE, dir });
    rows.push(await cell('volley --workers 2', spec, WORKERS_USERS, users, 2));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  server.stop();
}

const note = (r) => (r.users === r.asked ? fmt(r.users) : `${fmt(r.users)} (asked ${fmt(r.asked)}; ulimit -n ${FD_LIMIT})`);
process.stdout.write(
  [
    `### Memory per virtual user (20 ms server, keep-alive, closed model, ${SECONDS} s per cell)`,
    '',
    table(
      ['generator', 'users / connections', 'peak RSS MB', 'steady RSS MB', 'requests', 'rps', 'errors'],
      rows.map((r) => [r.tool, note(r), mb(r.maxRssBytes), mb(r.steadyRssBytes), fmt(r.requests), fmt(r.requests / r.seconds), fmt(r.errors)]),
    ),
    '',
    ...Object.keys(TOOLS).flatMap((tool) => perUser(rows, tool)),
    ...rows
      .filter((r) => r.requests <= r.users)
      .map((r) => `- ${r.tool} at ${fmt(r.users)}: at most one request per user, the cell was mostly start-up (connecting every user at once); a longer MEM_SECONDS holds them longer.`),
    '',
  ].join('\n'),
);
