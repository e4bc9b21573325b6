// Serves bench/targets/hostile.mjs on 127.0.0.1 until stopped, printing its URL, and on SIGTERM
// or SIGINT the number of requests it read in full. For repros by hand:
//   node bench/targets/hostile-serve.mjs
import { startHostileTarget } from './hostile.mjs';

const target = await startHostileTarget();
console.log(target.url);
const stop = async () => {
  console.log(`read ${target.requests()} requests`);
  await target.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
