/**
 * The options of the programmatic `run()` that the option table declares (`users`, `duration`,
 * `timeout`, …), their type and their layer: each is read off the table's `api` names, so a new
 * option reaches `run()` without another list to update.
 */

import type { z } from 'zod';
import { type OptionName, optionEntries, type OptionTable } from './option-table.js';
import type { ApiValueTypes } from './option-spec.js';
import type { OptionLayer } from './resolve-options.js';

/** The `run()` name and value type of one option, or never when `run()` does not take it. */
type ApiField<Spec> = Spec extends { api: { name: infer Name extends string; takes: infer Takes } }
  ? [Name, Takes extends keyof ApiValueTypes ? ApiValueTypes[Takes] : Spec extends { schema: infer S extends z.ZodType } ? z.input<S> : never]
  : never;

type ApiFields = { [K in OptionName]: ApiField<OptionTable[K]> }[OptionName];

/** `run()`'s options that set run options: `{ users?: number; duration?: string | number; … }`. */
export type RunApiOptionValues = { [Field in ApiFields as Field[0]]?: Field[1] };

/** The layer of `run()`'s options, each named `run() <name>` in messages; above the scenario's own. */
export function apiOptionLayer(apiOptions: RunApiOptionValues): OptionLayer {
  const options = apiOptions as Readonly<Record<string, unknown>>;
  const layer: OptionLayer = {};
  for (const [name, spec] of optionEntries()) {
    if (spec.api === undefined) continue;
    const value = options[spec.api.name];
    if (value !== undefined) layer[name] = { value, origin: `run() ${spec.api.name}` };
  }
  return layer;
}
