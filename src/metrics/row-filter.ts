/**
 * Whether a stats row matches a threshold's selector. A `name` selector matches the row's name
 * or `METHOD name`, so `POST /api/login` and `/api/login` both select the login row.
 */

import { countsInTotals, type EndpointKey, GROUP_SEPARATOR } from './endpoint-key.js';
import type { RowFilter } from './stats-source.js';

/** How `protocol=` names rows that carry no protocol: HTTP/1.1 requests (and measures). */
const HTTP1 = 'http/1.1';

export function matchesRow(filter: RowFilter, key: EndpointKey, tags: ReadonlySet<string>): boolean {
  // A group's own row is judged only by a selector that names it (`name=checkout`, `method=GROUP`).
  if (!countsInTotals(key) && filter.name === undefined && filter.method === undefined) return false;
  if (filter.scenario !== undefined && filter.scenario !== key.scenario) return false;
  if (filter.user !== undefined && filter.user !== key.user) return false;
  if (filter.method !== undefined && filter.method.toUpperCase() !== key.method) return false;
  if (filter.tag !== undefined && !tags.has(filter.tag)) return false;
  if (filter.group !== undefined && !inGroup(filter.group, key.group)) return false;
  if (filter.protocol !== undefined && filter.protocol !== (key.protocol ?? HTTP1)) return false;
  if (filter.name !== undefined && !matchesName(filter.name, key)) return false;
  return true;
}

/**
 * A name selector matches the row's name or `METHOD name`; for a row recorded in a group, also
 * its own name without the group's path (`insert order` selects `checkout › insert order`, in
 * whatever group it ran), so a threshold need not repeat the path.
 */
function matchesName(name: string, key: EndpointKey): boolean {
  if (name === key.name || name === `${key.method} ${key.name}`) return true;
  if (key.group === undefined) return false;
  const leaf = key.name.slice(key.group.length + GROUP_SEPARATOR.length);
  return name === leaf || name === `${key.method} ${leaf}`;
}

/** Checks are kept per user class, so only class-level selectors apply to them. */
export function matchesCheckOwner(filter: RowFilter, scenario: string, user: string): boolean {
  if (filter.name !== undefined || filter.method !== undefined || filter.tag !== undefined) return false;
  if (filter.group !== undefined || filter.protocol !== undefined) return false;
  if (filter.scenario !== undefined && filter.scenario !== scenario) return false;
  return filter.user === undefined || filter.user === user;
}

/** A row recorded in `group` or in a group nested in it (`checkout` holds `checkout › pay`). */
function inGroup(group: string, rowGroup: string | undefined): boolean {
  if (rowGroup === undefined) return false;
  return rowGroup === group || (rowGroup.length > group.length && rowGroup.startsWith(group + GROUP_SEPARATOR));
}
