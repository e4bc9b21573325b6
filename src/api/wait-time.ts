/**
 * Wait-time helpers, as in Locust's `user/wait_time.py`: each returns a WaitTime the engine calls
 * after every task. Implemented beside the engine's WaitTime (src/engine/wait-time.ts).
 */

export {
  between,
  constant,
  constantPacing,
  constantThroughput,
  type DurationInput,
} from '../engine/wait-time.js';
