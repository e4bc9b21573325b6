/**
 * `--junit file.xml`: writes the JUnit report at the end of the run, atomically, so a CI step
 * that collects test reports never reads half a file.
 */

import type { Result } from '../../metrics/result.js';
import { writeFileAtomic } from '../../core/atomic-write.js';
import type { Output } from '../output.js';
import { formatJUnitReport } from './junit-report.js';

/** Writes the report, creating parent folders; fails with `VOLLEY_E_IO`. */
export async function writeJUnitReport(result: Result, path: string): Promise<void> {
  await writeFileAtomic(path, formatJUnitReport(result), 'junit');
}

export class JUnitOutput implements Output {
  readonly name = 'junit';
  readonly path: string;

  constructor(path: string) {
    this.path = path;
  }

  onEnd(result: Result): Promise<void> {
    return writeJUnitReport(result, this.path);
  }
}
