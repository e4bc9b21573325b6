#!/usr/bin/env -S node --
/**
 * The `volley` command. Each subcommand lives in its own file; this one wires them, turns errors
 * into messages and exit codes (the only place that does), and sets the process's exit code.
 * The `--` in the first line keeps Node 20 from taking volley's own `--env-file` flag as its
 * own (it reads that flag anywhere on the command line, and exits 9 when the file is missing).
 */

import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.js';
import { registerBenchCommand } from './bench-command.js';
import { registerCapacityCommand } from './capacity-command.js';
import { registerCompareCommand } from './compare-command.js';
import { registerConvertCommand } from './convert-command.js';
import { registerDemoCommand } from './demo-command.js';
import { EXIT_BAD_INPUT } from './exit-codes.js';
import { registerHistoryCommand } from './history-command.js';
import { registerInitCommand } from './init-command.js';
import { registerReportCommand } from './report-command.js';
import { reportError } from './report-error.js';
import { registerRunCommand } from './run-command.js';
import { registerWorkerCommand } from './worker-command.js';
import { withOptionalFlagValues } from './optional-flag-values.js';

// `volley run … | head` closes the pipe while the run goes on: what is left to print has no
// reader, but the run must finish and write its reports, so a closed stdout is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const setExitCode = (code: number): void => {
    exitCode = code;
  };
  const program = new Command('volley')
    .description('Load, benchmark and stress tests for HTTP services, scripted in TypeScript.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text.replace(/^error: /, 'volley: ')) });
  registerRunCommand(program, setExitCode);
  registerDemoCommand(program, setExitCode);
  registerCompareCommand(program, setExitCode);
  registerHistoryCommand(program, setExitCode);
  registerReportCommand(program, setExitCode);
  registerCapacityCommand(program, setExitCode);
  registerBenchCommand(program, setExitCode);
  registerWorkerCommand(program, setExitCode);
  registerInitCommand(program, setExitCode);
  registerConvertCommand(program, setExitCode);
  try {
    await program.parseAsync(withOptionalFlagValues(argv), { from: 'node' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here too, successfully.
      return error.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
    }
    return reportError(error, process.stderr);
  }
  return exitCode;
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = reportError(error, process.stderr);
  },
);
