// The soak's load: every user picks a path of the hostile target (bench/targets/hostile.mjs)
// at random, reads the body as a script would, and goes on. Run by bench/soak.mjs.

import { constant, defineScenario, defineUser } from 'volley';

const PATHS = [
  ['/ok', 30],
  ['/gzip', 15],
  ['/close', 8],
  ['/reset', 8],
  ['/stall', 2],
  ['/drip', 4],
  ['/huge', 4],
  ['/flood', 1],
  ['/unique', 10],
  ['/429', 6],
  ['/999', 6],
  ['/malformed', 6],
];
const TOTAL = PATHS.reduce((sum, [, weight]) => sum + weight, 0);

function pick(random) {
  let at = random() * TOTAL;
  for (const [path, weight] of PATHS) {
    at -= weight;
    if (at < 0) return path;
  }
  return '/ok';
}

export const Hostile = defineUser({
  wait: constant(0),
  tasks: [
    {
      name: 'hostile',
      run: async (vu) => {
        const { http } = vu;
        const path = pick(() => vu.random());
        const res = path === '/close' ? await http.post(path, { json: { n: 1 } }) : await http.get(path);
        if (res.status !== 0) {
          try {
            res.text();
          } catch {
            // a body that cannot be decoded is the script's business; the soak only reads it
          }
        }
      },
    },
  ],
});

export default defineScenario({ users: [Hostile], http: { timeout: '2s', maxBodySize: '1MiB' } });
