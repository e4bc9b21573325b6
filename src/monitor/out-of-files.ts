/**
 * Running out of file descriptors (EMFILE: this process's limit, ENFILE: the system's) is a state
 * of the machine, not a fault of a sampler: reading /proc, or even `process.memoryUsage()`, needs
 * a descriptor, and a run with more sockets than `ulimit -n` allows has none left. Samplers skip
 * the sample instead of ending the run.
 */

export function isOutOfFiles(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'EMFILE' || code === 'ENFILE';
}
