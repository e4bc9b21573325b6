/**
 * The shared iteration budget: N tickets, then none.
 */

import { describe, expect, it } from 'vitest';
import { IterationBudget } from '../../../src/engine/iteration-budget.js';

describe('IterationBudget', () => {
  it('hands out exactly N tickets', () => {
    const budget = new IterationBudget(3);
    const taken = Array.from({ length: 6 }, () => budget.take());
    expect(taken).toEqual([true, true, true, false, false, false]);
    expect(budget.left).toBe(0);
  });

  it('hands out none for 0', () => {
    const budget = new IterationBudget(0);
    expect(budget.take()).toBe(false);
    expect(budget.left).toBe(0);
  });
});
