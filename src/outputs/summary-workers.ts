/**
 * The summary's Workers line: how the load was shared, and which worker was lost with its
 * share, so a run that went on without one says so beside its numbers. Shown only when the load
 * ran on more than one worker.
 *
 *   Workers  #0 2,270 req · #1 2,266 req · #2 1,104 req (lost: heartbeat timed out)
 */

import type { Result } from '../metrics/result.js';
import { formatCount } from '../core/units/index.js';
import type { SectionContext } from './summary-tables.js';

export function workerSection(result: Result, context: SectionContext): string[] {
  const workers = result.workers ?? [];
  if (workers.length < 2) return [];
  const { palette } = context;
  const title = 'Workers';
  const hanging = ' '.repeat(title.length + 2);
  const lines: string[] = [];
  let line = `${palette.bold(title)}  `;
  let width = title.length + 2;
  workers.forEach((worker, i) => {
    const failures = worker.failures > 0 ? `, ${formatCount(worker.failures)} failed` : '';
    const plain = `#${worker.worker} ${formatCount(worker.requests)} req${failures}`;
    const lost = worker.lost === null ? '' : ` (lost: ${worker.lost})`;
    const sep = i === 0 ? '' : ' · ';
    if (i > 0 && width + sep.length + plain.length + lost.length > context.width) {
      lines.push(line);
      line = hanging;
      width = hanging.length;
    } else {
      line += sep;
      width += sep.length;
    }
    line += plain + (lost === '' ? '' : palette.red(lost));
    width += plain.length + lost.length;
  });
  lines.push(line);
  return lines;
}
