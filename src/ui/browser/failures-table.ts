/**
 * The page's Failures tab (Locust's): the error groups of the run so far, most frequent first,
 * from each `progress` event's `errors`. The table is rebuilt from text nodes each second (at
 * most a hundred rows); nothing server-sent becomes markup.
 */

import type { LiveErrorRow } from '../ui-messages.js';
import { byId, clear, element, setText, show } from './dom.js';
import { count } from './format.js';

const failuresBody = byId('failures-body');
const failuresCount = byId('tab-failures-count');
let lastFailuresKey: string | null = '';

function failureRow(e: LiveErrorRow): HTMLTableRowElement {
  const tr = element('tr');
  tr.appendChild(element('td', 'num', count(e.count)));
  const type = element('td');
  type.appendChild(element('span', 'method', e.kind === 'task' ? 'task' : e.method));
  tr.appendChild(type);
  const name = element('td', 'name');
  if (e.scenario) name.appendChild(element('span', 'uc', e.scenario + ': '));
  if (e.userClass) {
    name.appendChild(element('span', 'uc', e.userClass));
    name.appendChild(element('span', 'sep', '\u00b7'));
  }
  name.appendChild(element('code', null, e.name));
  tr.appendChild(name);
  tr.appendChild(element('td', 'message', e.message));
  return tr;
}

export function updateFailures(progress: { errors?: readonly LiveErrorRow[] }): void {
  const errors = Array.isArray(progress.errors) ? (progress.errors as readonly LiveErrorRow[]) : [];
  let total = 0;
  errors.forEach((e) => {
    total += e.count;
  });
  setText(failuresCount, total > 0 ? count(total) : '');
  show(failuresCount, total > 0);
  // Same groups and counts as last second: nothing to redraw.
  const key = errors.map((e) => e.count + ' ' + e.message).join('\n');
  if (key === lastFailuresKey) return;
  lastFailuresKey = key;
  clear(failuresBody);
  if (errors.length === 0) {
    const empty = element('tr');
    const cell = element('td', 'empty', 'No failures.');
    cell.colSpan = 4;
    empty.appendChild(cell);
    failuresBody.appendChild(empty);
    return;
  }
  errors.forEach((e) => failuresBody.appendChild(failureRow(e)));
}

export function resetFailures(): void {
  lastFailuresKey = null;
  updateFailures({ errors: [] });
}
