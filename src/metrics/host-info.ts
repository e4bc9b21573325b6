/** Describes the machine that generated the load, for the Result's metadata. */

import { availableParallelism, hostname } from 'node:os';
import type { HostInfo } from './result.js';

export function hostInfo(): HostInfo {
  return {
    hostname: hostname(),
    platform: process.platform,
    arch: process.arch,
    cpus: availableParallelism(),
    node: process.version,
  };
}
