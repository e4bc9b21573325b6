/**
 * The command-line face of the option table: each option's flag as commander spells it
 * (`-H, --host <url>`), the values commander hands back, and those values as the flags' option
 * layer, each named as a person typed it (`-u/--users`) in messages.
 */

import { VolleyError } from '../errors.js';
import { type OptionName, optionEntries, type OptionTable } from './option-table.js';
import { type HelpGroup, kebabCase, type OptionFlag } from './option-spec.js';
import type { OptionLayer } from './resolve-options.js';

/** One flag of a run option, ready for commander. */
export interface OptionFlagLine {
  option: OptionName;
  /** The long flag without dashes (`max-redirects`, `no-compression`). */
  long: string;
  /** As commander takes it: `-H, --host <url>`. */
  flags: string;
  help: string;
  group: HelpGroup;
  repeatable: boolean;
}

/** How a message names a flag: `-u/--users`, `--iterations`. */
function spelled(flag: OptionFlag): string {
  const long = `--${kebabCase(flag.name)}`;
  return flag.short === undefined ? long : `-${flag.short}/${long}`;
}

/** Every run option's flag, and its `--no-…` flag where it has one, in the table's order. */
export function optionFlagLines(): OptionFlagLine[] {
  return optionEntries().flatMap(([option, spec]) => {
    const flag = spec.flag;
    if (flag === undefined) return [];
    const long = kebabCase(flag.name);
    const short = flag.short === undefined ? '' : `-${flag.short}, `;
    const value = flag.value === undefined ? '' : ` ${flag.value}`;
    const lines: OptionFlagLine[] = [
      { option, long, flags: `${short}--${long}${value}`, help: spec.help, group: spec.group, repeatable: flag.repeatable === true },
    ];
    const negation = flag.negation;
    if (negation !== undefined) {
      const negated = `no-${kebabCase(negation.name)}`;
      lines.push({ option, long: negated, flags: `--${negated}`, help: negation.help, group: spec.group, repeatable: false });
    }
    return lines;
  });
}

/** The values commander hands back for an option's flags, by property name. */
type FlagValues<Flag> = Flag extends { name: infer Name extends string }
  ?
      | [Name, Flag extends { repeatable: true } ? string[] : Flag extends { value: string } ? string : boolean]
      | (Flag extends { negation: { name: infer Negated extends string } } ? [Negated, boolean] : never)
  : never;

type FlagFields<Spec> =
  | (Spec extends { flag: infer Flag } ? FlagValues<Flag> : never)
  | (Spec extends { argument: { name: infer Name extends string } } ? [Name, string[]] : never);

type AllFlagFields = { [K in OptionName]: FlagFields<OptionTable[K]> }[OptionName];

/** `{ users?: string; quiet?: boolean; threshold?: string[]; compression?: boolean; … }`. */
export type OptionFlagValues = { [Field in AllFlagFields as Field[0]]?: Field[1] };

/** The options the flags (and `volley run`'s user-class arguments) set, as the top layer. */
export function flagOptionLayer(flagValues: OptionFlagValues): OptionLayer {
  const values = flagValues as Readonly<Record<string, unknown>>;
  const layer: OptionLayer = {};
  for (const [name, spec] of optionEntries()) {
    const { flag, argument } = spec;
    const source = flag ?? argument;
    if (source === undefined) continue;
    const value = values[source.name];
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) {
      layer[name] = { value, origin: flag === undefined ? (argument?.spelled ?? name) : spelled(flag) };
    }
    const negation = flag?.negation;
    if (negation !== undefined && values[negation.name] === false) {
      if (value !== undefined) throw new VolleyError('VOLLEY_E_USAGE', negation.conflict);
      layer[name] = { value: negation.value, origin: `--no-${kebabCase(negation.name)}` };
    }
  }
  return layer;
}
