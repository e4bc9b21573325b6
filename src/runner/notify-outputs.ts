/**
 * Calls one lifecycle hook on every output, in order. A failing output is reported once the others
 * have run, so one broken report never costs the user the rest (or the JSON).
 */

import type { Output } from '../outputs/output.js';

export async function notifyOutputs<Hook extends 'onStart' | 'onEnd'>(
  outputs: readonly Output[],
  hook: Hook,
  argument: Parameters<NonNullable<Output[Hook]>>[0],
): Promise<void> {
  const failures: unknown[] = [];
  for (const output of outputs) {
    try {
      const fn = output[hook] as ((arg: typeof argument) => void | Promise<void>) | undefined;
      await fn?.call(output, argument);
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, `${failures.length} outputs failed`);
}
