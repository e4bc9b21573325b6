/**
 * Selectors: which stats rows a threshold looks at. In string form a selector is the text before
 * the metric (`AuthUser`, `name=GET /health`, `tag=smoke,method=GET`, `group=checkout`); in object form it
 * is the `user`/`name`/`method`/`tag`/`scenario`/`group` keys. Both become a `RowFilter`, and `formatSelector`
 * writes a filter back in the string form so every threshold reads the same way in reports.
 */

import type { RowFilter } from '../metrics/stats-source.js';
import { describeValue } from './describe-value.js';

export type SelectorKey = keyof RowFilter;

export const SELECTOR_KEYS: readonly SelectorKey[] = ['user', 'name', 'method', 'tag', 'scenario', 'group', 'protocol', 'phase'];

const SELECTOR_HINT = 'use user=, name=, method=, tag=, scenario=, group=, protocol=, phase=, or a bare user class name';

export function isSelectorKey(key: string): key is SelectorKey {
  return (SELECTOR_KEYS as readonly string[]).includes(key);
}

/**
 * Parses the string-form selector, pushing every problem found. Values cannot contain `,`
 * (use the object form for such names); they may contain `:` and spaces.
 */
export function parseSelector(text: string, problems: string[]): RowFilter {
  const filter: RowFilter = {};
  if (text.trim() === '') {
    problems.push(`nothing before ':' (${SELECTOR_HINT}, or drop the ':')`);
    return filter;
  }
  for (const rawPart of text.split(',')) {
    const part = rawPart.trim();
    if (part === '') {
      problems.push(`empty part in selector '${text}' (${SELECTOR_HINT})`);
      continue;
    }
    const eq = part.indexOf('=');
    if (eq === -1) {
      // A user class name is an identifier; a space or slash means a request name was meant.
      if (/[\s/]/.test(part)) {
        problems.push(`'${part}' is not a user class name (for a request name write name=${part})`);
        continue;
      }
      setKey(filter, 'user', part, problems);
      continue;
    }
    const key = part.slice(0, eq).trim();
    if (!isSelectorKey(key)) {
      problems.push(`unknown selector key '${key}' (${SELECTOR_HINT})`);
      continue;
    }
    setKey(filter, key, part.slice(eq + 1), problems);
  }
  return filter;
}

/**
 * Sets one selector key after checking its value; shared by both forms. Methods are upper-cased
 * because rows store them that way (`get` would otherwise match nothing).
 */
export function setKey(filter: RowFilter, key: SelectorKey, value: unknown, problems: string[]): void {
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push(`selector ${key} must be a non-empty string, got ${describeValue(value)}`);
    return;
  }
  if (filter[key] !== undefined) {
    problems.push(`selector key '${key}' is given twice`);
    return;
  }
  const trimmed = value.trim();
  filter[key] = key === 'method' ? trimmed.toUpperCase() : key === 'protocol' ? trimmed.toLowerCase() : trimmed;
}

/**
 * A phase's figures are kept for the phase as a whole (every row together, from its start to its
 * end), so `phase=` stands alone: no other selector key, no sliding window.
 */
export function phaseSelectorProblems(filter: RowFilter, windowMs: number | undefined): string[] {
  if (filter.phase === undefined) return [];
  const problems: string[] = [];
  const others = SELECTOR_KEYS.filter((key) => key !== 'phase' && filter[key] !== undefined);
  if (others.length > 0)
    problems.push(`phase= selects a whole phase and cannot be combined with ${others.map((k) => `${k}=`).join(', ')}`);
  if (windowMs !== undefined) problems.push('phase= selects a whole phase and cannot have a window');
  return problems;
}

/**
 * The string form of a filter: `AuthUser`, `name=GET /health`, `AuthUser,tag=smoke`. A user
 * class is written bare when it reads unambiguously as one; '' for the empty filter.
 */
export function formatSelector(filter: RowFilter): string {
  const parts: string[] = [];
  for (const key of SELECTOR_KEYS) {
    const value = filter[key];
    if (value === undefined) continue;
    const bare = key === 'user' && /^[^\s/=,:]+$/.test(value);
    parts.push(bare ? value : `${key}=${value}`);
  }
  return parts.join(',');
}
