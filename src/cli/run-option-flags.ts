/**
 * The run options' flags as commander options, read off the option table: `volley run` takes
 * them all, `volley capacity` the few it shares (with its own help where a flag means something
 * narrower there).
 */

import { type Command, Option } from 'commander';
import { type OptionFlagLine, optionFlagLines } from '../config/option-flags.js';
import type { OptionName } from '../config/run-options.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** A flag line as a commander option (`volley run`'s help groups it by the table's group). */
function commanderOption(line: OptionFlagLine, help = line.help): Option {
  const option = new Option(line.flags, help);
  return line.repeatable ? option.argParser(collect).default([]) : option;
}

/** Adds every run option's flag that `command` does not have yet (the report flags give --json). */
export function addRunOptionFlags(command: Command): Command {
  const present = new Set(command.options.map((option) => option.long));
  for (const line of optionFlagLines()) {
    if (!present.has(`--${line.long}`)) command.addOption(commanderOption(line));
  }
  return command;
}

/** The flag of one run option (and its `--no-…` flag, if any), with this command's help. */
export function runOptionFlag(name: OptionName, help?: string): Option {
  const line = optionFlagLines().find((candidate) => candidate.option === name && !candidate.long.startsWith('no-'));
  if (line === undefined) throw new Error(`the option table gives ${name} no flag`);
  return commanderOption(line, help);
}
