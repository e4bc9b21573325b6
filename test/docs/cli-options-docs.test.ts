/**
 * docs/cli.md describes the run options in prose and tables that people read; the option table
 * (src/config/option-table.ts) is what volley does. These checks keep the page in step with the
 * table: every run option's flag has its row (spelled as `--help` spells it), and the lists of
 * environment variables and config-file keys are exactly the table's.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { optionFlagLines } from '../../src/config/option-flags.js';
import { optionEntries } from '../../src/config/option-table.js';

const page = readFileSync(new URL('../../docs/cli.md', import.meta.url), 'utf8');

/** The text between a heading line that starts with `from` and the next line that starts with `to`. */
function section(from: string, to: string): string {
  const start = page.indexOf(`\n${from}`);
  const end = page.indexOf(`\n${to}`, start + 1);
  expect(start, `docs/cli.md has a section '${from}'`).toBeGreaterThan(-1);
  return page.slice(start, end === -1 ? undefined : end);
}

describe('docs/cli.md and the option table', () => {
  it('has a row in the volley run table for every run option flag, spelled as --help spells it', () => {
    const table = section('## `volley run', '### ').replaceAll('\\|', '|');
    const rows = table.split('\n').filter((line) => line.startsWith('|'));
    const missing = optionFlagLines()
      .map((line) => line.flags)
      .filter((flags) => !rows.some((row) => row.includes(`\`${flags}\``)));
    expect(missing, 'add these flags to the volley run table of docs/cli.md').toEqual([]);
  });

  it('lists exactly the options environment variables', () => {
    const text = section('These options have an environment variable', '<!-- runnable -->');
    const listed = new Set(text.match(/VOLLEY_[A-Z_]+/g));
    // Tokens are not run options: they say who may join a run or open the UI.
    listed.delete('VOLLEY_WORKER_TOKEN');
    listed.delete('VOLLEY_UI_TOKEN');
    const declared = optionEntries().flatMap(([, spec]) => (spec.env === undefined ? [] : [spec.env]));
    expect([...listed].sort()).toEqual([...declared].sort());
  });

  it("lists exactly the config file's option keys", () => {
    const text = section('`options` takes', 'A profile');
    const listed = [...text.matchAll(/`(\w+)`/g)].map((match) => match[1]).filter((key) => key !== 'options');
    const declared = optionEntries().flatMap(([, spec]) => (spec.configKey === undefined ? [] : [spec.configKey]));
    expect([...listed].sort()).toEqual([...declared].sort());
  });
});
