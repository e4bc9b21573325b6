/**
 * `volley history --dir` defaults to the history store's folder. The command spells the default
 * out (importing the store would load the statistics engine on every start); this keeps them equal.
 */

import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerHistoryCommand } from '../../../src/cli/history-command.js';
import { DEFAULT_HISTORY_DIR } from '../../../src/compare/history-store.js';

describe('volley history --dir', () => {
  it("defaults to the history store's own folder", () => {
    const program = new Command();
    registerHistoryCommand(program, () => undefined);
    const dir = program.commands[0]?.options.find((option) => option.long === '--dir');
    expect(dir?.defaultValue).toBe(DEFAULT_HISTORY_DIR);
  });
});
