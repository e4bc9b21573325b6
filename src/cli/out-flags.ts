/**
 * `--out <kind>=<target>`, repeatable: outputs that stream a run as it goes, named the way k6's
 * `--out json=file` names them. One kind today, `ndjson` (a file, or `-` for stdout); a target of
 * `-` moves the summary and the report list to stderr, so stdout carries the stream alone and
 * pipes into `jq` as it is.
 */

import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { VolleyError } from '../errors.js';
import { NdjsonOutput, STDOUT_TARGET } from '../outputs/ndjson/index.js';
import type { Output } from '../outputs/output.js';
import { checkOutputFile } from './output-paths.js';

const KINDS = ['ndjson'] as const;
type OutKind = (typeof KINDS)[number];

export interface OutTarget {
  kind: OutKind;
  /** A file path, or `-` for stdout. */
  target: string;
}

/** Parses and checks every `--out` before the run: a typo or an unwritable path fails at once. */
export function parseOutFlags(values: readonly string[]): OutTarget[] {
  const targets = values.map(parseOne);
  if (targets.filter((t) => t.target === STDOUT_TARGET).length > 1)
    throw new VolleyError('VOLLEY_E_USAGE', '--out: only one output can write to stdout (-)');
  for (const { kind, target } of targets) {
    if (target === STDOUT_TARGET) continue;
    checkOutputFile(`--out ${kind}=`, target);
    mkdirSync(dirname(resolve(target)), { recursive: true });
  }
  return targets;
}

/** Whether one of the outputs writes to stdout (the summary then goes to stderr). */
export function claimsStdout(targets: readonly OutTarget[]): boolean {
  return targets.some((t) => t.target === STDOUT_TARGET);
}

export function streamOutputs(targets: readonly OutTarget[]): Output[] {
  return targets.map((t) => new NdjsonOutput(t.target));
}

function parseOne(value: string): OutTarget {
  const eq = value.indexOf('=');
  const kind = (eq === -1 ? value : value.slice(0, eq)).trim();
  const target = eq === -1 ? '' : value.slice(eq + 1).trim();
  if (!(KINDS as readonly string[]).includes(kind))
    throw new VolleyError('VOLLEY_E_USAGE', `--out ${value}: unknown output '${kind}' (expected ${KINDS.map((k) => `${k}=<file|->`).join(', ')})`);
  if (target === '')
    throw new VolleyError('VOLLEY_E_USAGE', `--out ${value}: expected ${kind}=<file> or ${kind}=- for stdout`);
  return { kind: kind as OutKind, target };
}
