/**
 * What the page does to a running test besides stopping it, as Locust's does: Edit (a new number
 * of users and ramp-up rate, `api/load`; not offered for a scenario's own fixed load), Reset stats
 * (`api/reset`; the server's `reset` event then clears the table and charts on every page), and
 * the download links (the final history and JSON appear once the run has ended).
 */

import type { UiLoadChange } from '../ui-messages.js';
import { byId, setText, show } from './dom.js';
import { isNumber } from './format.js';
import { hasFixedLoad, ui } from './page-state.js';
import { postJson, refusal } from './post-json.js';

const editButton = byId<HTMLButtonElement>('edit-button');
const resetButton = byId<HTMLButtonElement>('reset-button');
const panel = byId('edit-panel');
const users = byId<HTMLInputElement>('e-users');
const spawnRate = byId<HTMLInputElement>('e-spawn-rate');
const applyButton = byId<HTMLButtonElement>('edit-apply');
const editError = byId('edit-error');
const actionError = byId('stop-error');

function running(): boolean {
  return ui.state !== null && ui.state.phase === 'running' && ui.end === null && !ui.stopRequested;
}

/** Shows the controls that apply now: Edit and Reset stats while running, the final downloads after. */
export function renderRunControls(): void {
  const live = running();
  show(editButton, live && !hasFixedLoad());
  show(resetButton, live);
  if (!live || hasFixedLoad()) openEdit(false);
  const over = ui.end !== null;
  show(byId('history-download'), over);
  show(byId('json-download'), over);
}

function openEdit(open: boolean): void {
  show(panel, open);
  editButton.setAttribute('aria-expanded', open ? 'true' : 'false');
  if (!open) return;
  show(editError, false);
  // Prefilled with what the run now aims at: the users figure it started with or was last given.
  const form = ui.state ? ui.state.form : null;
  const current = ui.progress ? ui.progress.users : null;
  users.value = form && isNumber(form.users) ? String(form.users) : isNumber(current) ? String(current) : '';
  spawnRate.value = form && isNumber(form.spawnRate) ? String(form.spawnRate) : '';
  users.focus();
}

function showEditError(message: string): void {
  setText(editError, message);
  show(editError, true);
}

function apply(event: Event): void {
  event.preventDefault();
  const change: UiLoadChange = { users: Number(users.value), spawnRate: Number(spawnRate.value) };
  if (users.value.trim() === '' || !(change.users >= 1) || Math.floor(change.users) !== change.users) {
    return showEditError('Number of users must be a whole number, at least 1.');
  }
  if (spawnRate.value.trim() === '' || !(change.spawnRate > 0)) {
    return showEditError('Ramp up must be a number of users per second above 0.');
  }
  applyButton.disabled = true;
  const done = (message: string | null): void => {
    applyButton.disabled = false;
    if (message === null) openEdit(false);
    else showEditError(message);
  };
  postJson('api/load', change)
    .then((res) => (res.ok ? done(null) : refusal(res, 'volley refused the new load').then(done)))
    .catch((err: Error) => done('Could not reach volley: ' + err.message));
}

function reset(): void {
  resetButton.disabled = true;
  show(actionError, false);
  const done = (message: string | null): void => {
    resetButton.disabled = false;
    if (message === null) return;
    setText(actionError, message);
    show(actionError, true);
  };
  postJson('api/reset', {})
    .then((res) => (res.ok ? done(null) : refusal(res, 'Reset stats failed').then(done)))
    .catch((err: Error) => done('Could not reach volley: ' + err.message));
}

export function initRunControls(): void {
  editButton.addEventListener('click', () => openEdit(panel.hidden));
  byId('edit-cancel').addEventListener('click', () => openEdit(false));
  byId('edit-form').addEventListener('submit', apply);
  resetButton.addEventListener('click', reset);
}
