// volley running a scenario file through its CLI (`volley run scenario.ts`): one user class
// with one task, a GET of the target's path, and no wait (`constant(0)`). The file is written
// into `dir`; `salt` goes into a comment, so a fresh salt is a file no cache has seen.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, parseResult } from './volley-url.mjs';

export function writeScenario(dir, path, salt = '') {
  const file = join(dir, 'scenario.ts');
  writeFileSync(
    file,
    `// bench scenario ${salt}
import { constant, defineScenario, defineUser } from 'volley';

const user = defineUser({
  name: 'bench',
  wait: constant(0),
  tasks: [{ name: 'get', run: ({ http }) => http.get(${JSON.stringify(path)}) }],
});

export default defineScenario({ users: [user] });
`,
  );
  return file;
}

/** `users` looping the scenario's task for `seconds` in one process (or `workers` threads). */
export function volleyScripted({ url, users, seconds, workers = 1, dir, file }) {
  const target = new URL(url);
  const scenario = file ?? writeScenario(dir, target.pathname);
  const json = join(dir, `volley-scripted-${process.hrtime.bigint()}.json`);
  return {
    cmd: process.execPath,
    args: [CLI, 'run', scenario, '-H', target.origin, '-u', String(users), '-r', '1000000', '-t', `${seconds}s`,
      '--workers', String(workers), '-q', '--json', json],
    parse: () => parseResult(json),
  };
}
