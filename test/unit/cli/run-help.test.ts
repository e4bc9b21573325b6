/**
 * `volley run --help` is grouped: every option of `run` must be placed in a group where it is declared, so a
 * flag added later cannot land in a catch-all unnoticed; examples and exit codes close the help.
 */

import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerRunCommand } from '../../../src/cli/run-command.js';
import { longName, RUN_OPTION_GROUPS } from '../../../src/cli/run-help.js';

function runCommand(): Command {
  const program = new Command('volley');
  registerRunCommand(program, () => undefined);
  return program.commands.find((c) => c.name() === 'run') as Command;
}

describe('volley run --help', () => {
  it('places every option of run in exactly one named group', () => {
    const grouped = RUN_OPTION_GROUPS.flatMap(([, names]) => names);
    expect(new Set(grouped).size).toBe(grouped.length);
    const options = runCommand().options.map((option) => longName(option.flags));
    const missing = options.filter((name) => !grouped.includes(name));
    expect(missing, `give these flags a group: in src/config/option-table*.ts, or src/cli/run-command-flags.ts`).toEqual([]);
    // And no group names an option that no longer exists (help excepted: commander adds it).
    expect(grouped.filter((name) => name !== 'help' && !options.includes(name))).toEqual([]);
  });

  it('prints the groups in order, then examples and exit codes', () => {
    const command = runCommand();
    let text = '';
    command.configureOutput({ writeOut: (chunk) => (text += chunk) });
    command.outputHelp();
    const headings = RUN_OPTION_GROUPS.map(([heading]) => heading);
    const positions = headings.map((heading) => text.indexOf(`\n${heading}\n`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).not.toContain('\nOptions:\n');
    expect(text).toMatch(/\nExamples:\n {2}volley run load\.ts/);
    expect(text).toMatch(/\nExit codes:\n {2}0 {2}passed[\s\S]*\n {2}3 {2}aborted/);
    expect(text.indexOf('  --tags <tags>')).toBeGreaterThan(text.indexOf('\nLoad:\n'));
    expect(text.indexOf('  -h, --help')).toBeGreaterThan(text.indexOf('\nOther:\n'));
  });
});
