/**
 * The report files a run (or `volley report`) writes, from the same flags everywhere:
 * --json, --html, --csv, --junit, --md. Each becomes an Output that renders the Result at the end.
 * Each reporter is imported only when its flag is given: a run that writes no HTML report does
 * not load the HTML report's code (and so on), which keeps volley's start-up small.
 */

import type { Command } from 'commander';
import type { Output } from '../outputs/output.js';

export interface ReportFlags {
  json?: string;
  html?: string;
  csv?: string;
  junit?: string;
  md?: string;
}

/** Adds the report flags to a command. */
export function withReportFlags(command: Command, what: string): Command {
  return command
    .option('--json <file>', `write ${what} as the result document (JSON)`)
    .option('--html <file>', `write ${what} as a self-contained HTML report with charts`)
    .option(
      '--csv <prefix>',
      'write Locust-compatible CSV files: <prefix>_stats.csv, _stats_history, _failures, _exceptions',
    )
    .option('--junit <file>', 'write thresholds and checks as JUnit XML, for CI test tabs')
    .option('--md <file>', 'write a Markdown summary (appends when the file is $GITHUB_STEP_SUMMARY)');
}

export async function reportOutputs(flags: ReportFlags): Promise<Output[]> {
  const outputs: Output[] = [];
  if (flags.json !== undefined) {
    const { JsonFileOutput } = await import('../outputs/json-output.js');
    outputs.push(new JsonFileOutput(flags.json));
  }
  if (flags.html !== undefined) {
    const { HtmlFileOutput } = await import('../outputs/html/index.js');
    outputs.push(new HtmlFileOutput(flags.html));
  }
  if (flags.csv !== undefined) {
    const { CsvOutput } = await import('../outputs/csv/index.js');
    outputs.push(new CsvOutput(flags.csv));
  }
  if (flags.junit !== undefined) {
    const { JUnitOutput } = await import('../outputs/junit/index.js');
    outputs.push(new JUnitOutput(flags.junit));
  }
  if (flags.md !== undefined) {
    const { MarkdownFileOutput } = await import('../outputs/markdown/index.js');
    // GitHub's step summary is shared by every step of the job: add to it, never replace it.
    const append =
      process.env.GITHUB_STEP_SUMMARY !== undefined && flags.md === process.env.GITHUB_STEP_SUMMARY;
    outputs.push(new MarkdownFileOutput(flags.md, { append }));
  }
  return outputs;
}

/** One line per written file, so the user knows where to look. */
export function describeReports(flags: ReportFlags): string[] {
  const lines: string[] = [];
  if (flags.json !== undefined) lines.push(`JSON      ${flags.json}`);
  if (flags.html !== undefined) lines.push(`HTML      ${flags.html}`);
  if (flags.csv !== undefined)
    lines.push(`CSV       ${flags.csv}_stats.csv (and _stats_history, _failures, _exceptions)`);
  if (flags.junit !== undefined) lines.push(`JUnit     ${flags.junit}`);
  if (flags.md !== undefined) lines.push(`Markdown  ${flags.md}`);
  return lines;
}
