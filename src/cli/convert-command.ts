/**
 * `volley convert <file>`: a browser's HAR recording or an OpenAPI 3 document as a scenario
 * file that type-checks and runs as generated (what har2locust, har-to-k6 and openapi-to-k6 do
 * for Locust and k6). Prints what was kept and left out, and the command that runs the result.
 */

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import type { ConversionCounts } from '../convert/scenario-model.js';
import { VolleyError } from '../errors.js';
import { EXIT_PASSED } from './exit-codes.js';

interface ConvertFlags {
  output?: string;
  force?: boolean;
  includeStatic?: boolean;
  allOrigins?: boolean;
  host?: string;
}

export function registerConvertCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('convert')
    .description('turn a HAR recording or an OpenAPI 3 document into a scenario file')
    .argument('<file>', 'a .har recording, or an OpenAPI 3 document (JSON or YAML)')
    .option('-o, --output <file>', 'the scenario to write (default: the input\'s name with .ts, next to it)')
    .option('--force', 'replace the output file if it exists')
    .option('--include-static', 'HAR: keep images, fonts, stylesheets, scripts and media')
    .option('--all-origins', 'HAR: keep requests to other origins than the main one (as absolute URLs)')
    .option('--host <url>', "OpenAPI: the service's address, instead of servers[0].url")
    .action(async (file: string, flags: ConvertFlags) => {
      setExitCode(await convert(file, flags));
    });
}

async function convert(file: string, flags: ConvertFlags): Promise<number> {
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new VolleyError('VOLLEY_E_IO', `${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const output = resolve(flags.output ?? join(dirname(path), `${basename(path).replace(/\.[^.]+$/, '')}.ts`));
  if (output === path) throw new VolleyError('VOLLEY_E_USAGE', `${file}: the output would replace the input; name another with -o`);
  if (existsSync(output) && flags.force !== true)
    throw new VolleyError('VOLLEY_E_USAGE', `${relative('.', output)} exists; --force replaces it, or name another with -o`);
  // The OpenAPI parser is heavy: loaded by this command only.
  const [{ convertInput }, { writeScenario }] = await Promise.all([
    import('../convert/convert-input.js'),
    import('../convert/scenario-writer.js'),
  ]);
  const conversion = await convertInput(text, { file, path, includeStatic: flags.includeStatic, allOrigins: flags.allOrigins, host: flags.host });
  const shown = relative('.', output) || output;
  const runCommand = `npx volley run ${shown}`;
  try {
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(output, writeScenario(conversion.scenario, runCommand));
  } catch (error) {
    throw new VolleyError('VOLLEY_E_IO', `${shown}: cannot write it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  process.stdout.write(`Wrote ${shown} (host ${conversion.scenario.host})\n${countLines(conversion.counts)}\nRun it:\n  ${runCommand}\n`);
  return EXIT_PASSED;
}

function countLines(counts: ConversionCounts): string {
  const lines = [`  kept     ${counts.kept} request${counts.kept === 1 ? '' : 's'} in ${counts.tasks} task${counts.tasks === 1 ? '' : 's'}`];
  for (const [reason, count] of counts.excluded) lines.push(`  left out ${count} ${reason}`);
  return lines.join('\n');
}
