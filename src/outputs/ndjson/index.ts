/** The NDJSON stream of a run (`--out ndjson=<file>`); other layers import from here only. */

export { NdjsonOutput, STDOUT_TARGET } from './ndjson-output.js';
