/**
 * `volley capacity [file | --url …]`: where does it break? Steps an open-model arrival rate up
 * until p95 latency, the error rate or the achieved rate breaks its limit, then bisects, and
 * reports the highest rate that held (see src/capacity/capacity-search.ts).
 */

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import type { CapacityReport, JudgedStep, StepMeasurement } from '../runner/capacity-search.js';
import { tryParseDuration } from '../core/units/duration.js';
import { tryParsePercent } from '../core/units/percent.js';
import { tryParseRate } from '../core/units/rate.js';
import { VolleyError } from '../errors.js';
import { EXIT_FAILED, EXIT_PASSED } from './exit-codes.js';
import { prepareRun, type RunFlags } from './prepare-run.js';
import { runOptionFlag } from './run-option-flags.js';

/** The run flags capacity shares (their options' flags come from the option table), and its own. */
interface CapacityFlags
  extends Pick<RunFlags, 'locustfile' | 'url' | 'method' | 'body' | 'header' | 'envFile' | 'host' | 'tags' | 'excludeTags' | 'timeout' | 'maxUsers'> {
  start: string;
  factor: string;
  maxRate: string;
  stepDuration: string;
  p95: string;
  errorRate: string;
  refine: string;
  json?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function registerCapacityCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('capacity')
    .description('find the highest arrival rate the target sustains within latency and error limits')
    .argument('[file]', 'scenario file (each iteration runs one task); or use --url')
    .option('-f, --locustfile <file>', 'scenario file (alias of the positional argument)')
    .addOption(runOptionFlag('host'))
    .option('--url <url>', 'search the capacity of one URL, no scenario file needed')
    .option('-m, --method <method>', 'URL mode: HTTP method', 'GET')
    .option('--body <text>', 'URL mode: request body')
    .option('--header <header>', "URL mode: request header 'name: value', repeatable", collect, [])
    .option('--env-file <path>', 'load variables from a dotenv file')
    .addOption(runOptionFlag('tags', 'only run tasks with one of these tags'))
    .addOption(runOptionFlag('excludeTags', 'never run tasks with one of these tags'))
    .addOption(runOptionFlag('timeoutMs', 'per-request timeout (default 60s)'))
    .addOption(runOptionFlag('maxUsers', 'most users per step (default: twice the rate)'))
    .option('--start <rate>', 'first rate to try', '10/s')
    .option('--factor <x>', 'each step multiplies the rate by this', '1.5')
    .option('--max-rate <rate>', 'stop searching above this rate', '10000/s')
    .option('--step-duration <duration>', 'how long each rate is held', '10s')
    .option('--p95 <duration>', 'p95 latency limit', '500ms')
    .option('--error-rate <percent>', 'error rate limit', '1%')
    .option('--refine <n>', 'bisection rounds after the first break', '3')
    .option('--json <file>', 'write the search (every step, the capacity) as JSON')
    .action(async (file: string | undefined, flags: CapacityFlags) => {
      setExitCode(await capacity(file, flags));
    });
}

async function capacity(fileArgument: string | undefined, flags: CapacityFlags): Promise<number> {
  const { criteria, stepMs, search } = searchSettings(flags);
  const runFlags: RunFlags = { ...flags, threshold: [], quiet: true };
  const prepared = await prepareRun(fileArgument, runFlags);
  process.stdout.write(
    `Searching capacity: p95 ≤ ${criteria.p95Ms}ms, errors ≤ ${criteria.errorRate * 100}%, ` +
      `from ${search.startRate}/s ×${search.factor}, ${stepMs / 1000}s per step.\n\n`,
  );
  const { searchCapacity } = await import('../runner/capacity-search.js');
  const report = await searchCapacity(stepRunner(prepared, stepMs), criteria, search, (step) =>
    process.stdout.write(`${stepLine(step)}\n`),
  );
  process.stdout.write(`\n${conclusion(report, criteria.p95Ms, criteria.errorRate)}\n`);
  if (flags.json !== undefined) {
    await mkdir(dirname(flags.json), { recursive: true });
    await writeFile(flags.json, `${JSON.stringify({ criteria, search, stepMs, ...report }, null, 2)}\n`);
  }
  return report.capacity === null ? EXIT_FAILED : EXIT_PASSED;
}

/** The search's limits, step length and rates from the flags; a bad one is a usage error naming it. */
function searchSettings(flags: CapacityFlags) {
  const criteria = {
    p95Ms: parsed(tryParseDuration(flags.p95), '--p95', 'a duration like 500ms', flags.p95),
    errorRate: parsed(
      tryParsePercent(flags.errorRate),
      '--error-rate',
      'a percentage like 1%',
      flags.errorRate,
    ),
    minAchievedRatio: 0.95,
  };
  const stepMs = parsed(
    tryParseDuration(flags.stepDuration),
    '--step-duration',
    'a duration like 10s',
    flags.stepDuration,
  );
  const search = {
    startRate: parsed(tryParseRate(flags.start), '--start', 'a rate like 10/s', flags.start),
    factor: parsed(
      Number(flags.factor) > 1 ? Number(flags.factor) : undefined,
      '--factor',
      'a number above 1',
      flags.factor,
    ),
    maxRate: parsed(tryParseRate(flags.maxRate), '--max-rate', 'a rate like 5000/s', flags.maxRate),
    refineRounds: parsed(
      /^\d+$/.test(flags.refine) ? Number(flags.refine) : undefined,
      '--refine',
      'a whole number',
      flags.refine,
    ),
  };
  return { criteria, stepMs, search };
}

/** One step of the search: the prepared run at `rate` for `stepMs`, and what it measured. */
function stepRunner(
  prepared: Awaited<ReturnType<typeof prepareRun>>,
  stepMs: number,
): (rate: number) => Promise<StepMeasurement> {
  return async (rate) => {
    const { startRun } = await import('../runner/start-run.js');
    const handle = startRun({
      scenario: prepared.scenario,
      exports: prepared.exports,
      file: prepared.file,
      options: {
        ...prepared.options,
        rate,
        durationMs: stepMs,
        thresholds: [],
        json: null,
        profile: null,
        stages: null,
      },
      explicit: new Set([...prepared.explicit, 'rate', 'durationMs']),
      profiles: prepared.profiles,
      outputs: [],
      discardBodies: prepared.urlMode,
    });
    const result = await handle.result;
    const { totals } = result;
    return {
      rate,
      achievedRate: totals.iterations / (stepMs / 1000),
      requests: totals.requests,
      p50Ms: totals.latency.p50,
      p95Ms: totals.latency.p95,
      p99Ms: totals.latency.p99,
      errorRate: totals.requests === 0 ? 0 : totals.failures / totals.requests,
      droppedIterations: totals.droppedIterations,
    };
  };
}

function stepLine(step: JudgedStep): string {
  const mark = step.held ? '✓' : '✗';
  const rate = `${step.rate}/s`.padStart(10);
  const achieved = `${step.achievedRate.toFixed(1)}/s`.padStart(10);
  const tail = step.held ? '' : `  ${step.reason}`;
  return (
    `  ${mark} ${step.refinement ? 'refine' : 'step  '} ${rate}  achieved ${achieved}  ` +
    `p50 ${step.p50Ms.toFixed(1)}ms  p95 ${step.p95Ms.toFixed(1)}ms  p99 ${step.p99Ms.toFixed(1)}ms  ` +
    `errors ${(step.errorRate * 100).toFixed(2)}%${step.droppedIterations > 0 ? `  dropped ${step.droppedIterations}` : ''}${tail}`
  );
}

function conclusion(report: CapacityReport, p95Ms: number, errorRate: number): string {
  const limits = `p95 ≤ ${p95Ms}ms, errors ≤ ${errorRate * 100}%`;
  if (report.capacity === null) return `No capacity found: even the first rate broke (${report.reason}).`;
  if (report.brokeAt === null)
    return `Capacity: at least ${report.capacity}/s (${limits}); no tried rate broke.`;
  return `Capacity: ${report.capacity}/s (${limits}). Breaks at ${report.brokeAt}/s: ${report.reason}.`;
}

function parsed<T>(value: T | undefined, flag: string, expected: string, raw: string): T {
  if (
    value === undefined ||
    (typeof value === 'number' && !(value > 0 || (flag === '--refine' && value === 0)))
  ) {
    throw new VolleyError('VOLLEY_E_USAGE', `${flag}: expected ${expected}, got '${raw}'`);
  }
  return value;
}
