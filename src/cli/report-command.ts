/**
 * `volley report result.json --html report.html [--csv p] [--junit f] [--md f]`: renders any
 * report from a saved Result, long after the run (every report reads the Result alone).
 */

import type { Command } from 'commander';
import { VolleyError } from '../errors.js';
import { EXIT_PASSED, exitCodeFor } from './exit-codes.js';
import { describeReports, type ReportFlags, reportOutputs, withReportFlags } from './report-outputs.js';

interface ReportCommandFlags extends ReportFlags {
  summary?: boolean;
}

export function registerReportCommand(program: Command, setExitCode: (code: number) => void): void {
  withReportFlags(
    program
      .command('report')
      .description('render reports from a saved result document (volley run --json)')
      .argument('<result.json>', 'a result document written by volley run --json')
      .option('--summary', 'also print the end-of-run summary'),
    'the result',
  ).action(async (file: string, flags: ReportCommandFlags) => {
    setExitCode(await report(file, flags));
  });
}

async function report(file: string, flags: ReportCommandFlags): Promise<number> {
  const { readResultFile } = await import('../metrics/result-reader.js');
  const result = await readResultFile(file);
  const outputs = await reportOutputs(flags);
  if (flags.summary === true) {
    const { SummaryOutput } = await import('../outputs/summary-output.js');
    outputs.unshift(new SummaryOutput(process.stdout));
  }
  if (outputs.length === 0) {
    throw new VolleyError(
      'VOLLEY_E_USAGE',
      'nothing to write: add --html, --csv, --junit, --md, --json or --summary',
    );
  }
  for (const output of outputs) await output.onEnd?.(result);
  for (const line of describeReports(flags)) process.stderr.write(`wrote ${line}\n`);
  // The verdict is the saved run's, so a CI step can re-derive it from the file.
  return flags.summary === true ? exitCodeFor(result.outcome) : EXIT_PASSED;
}
