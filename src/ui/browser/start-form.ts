/**
 * The start form (Locust's): prefilled from the server's `state`, with a box per user class
 * (all ticked unless the run's options chose some), checked here for the mistakes a browser can
 * catch, then posted to `api/start`; the server checks and merges the
 * values as it would -u, -r, -t and -H, and a refusal is shown under the form.
 */

import type { UiStartForm, UiState } from '../ui-messages.js';
import { byId, clear, element, setText, show } from './dom.js';
import { isNumber } from './format.js';
import { hasFixedLoad, ui } from './page-state.js';
import { postJson, refusal } from './post-json.js';

const fields = {
  users: byId<HTMLInputElement>('f-users'),
  spawnRate: byId<HTMLInputElement>('f-spawn-rate'),
  runTime: byId<HTMLInputElement>('f-run-time'),
  host: byId<HTMLInputElement>('f-host'),
};
const startButton = byId<HTMLButtonElement>('start-button');
const startError = byId('start-error');
const classList = byId('start-classes');

function classBoxes(): HTMLInputElement[] {
  return Array.from(classList.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'));
}

export function fillForm(form: UiStartForm | undefined): void {
  if (!form) return;
  fields.users.value = isNumber(form.users) ? String(form.users) : '';
  fields.spawnRate.value = isNumber(form.spawnRate) ? String(form.spawnRate) : '';
  fields.runTime.value = form.runTime || '';
  fields.host.value = form.host || '';
  const chosen = Array.isArray(form.userClasses) ? form.userClasses : null;
  classBoxes().forEach((box) => {
    box.checked = chosen === null || chosen.indexOf(box.value) >= 0;
  });
}

/** A ticked box per user class; the list is built again only when the classes change. */
export function fillClasses(classes: UiState['userClasses'] | undefined): void {
  const list = classes || [];
  const key = JSON.stringify(list);
  if (classList.getAttribute('data-classes') === key) return;
  classList.setAttribute('data-classes', key);
  clear(classList);
  list.forEach((c) => {
    const label = element('label');
    const box = element('input');
    box.type = 'checkbox';
    box.value = c.name;
    box.checked = true;
    box.addEventListener('change', () => {
      ui.formTouched = true;
    });
    label.appendChild(box);
    label.appendChild(document.createTextNode(c.name));
    label.appendChild(element('span', 'weight', '\u00d7' + c.weight));
    const li = element('li');
    li.title = c.name + ': weight ' + c.weight;
    li.appendChild(label);
    classList.appendChild(li);
  });
  show(classList, list.length > 0);
}

/** Ready for a start again: the server answered with a new state. */
export function resetStartButton(): void {
  ui.starting = false;
  startButton.disabled = false;
  setText(startButton, 'Start');
}

function showStartError(message: string): void {
  setText(startError, message);
  show(startError, true);
}

/** The browser's own checks, or null when the values may be posted. */
function formError(form: UiStartForm): string | null {
  if (form.userClasses !== undefined && form.userClasses.length === 0) return 'Tick at least one user class to run.';
  if (hasFixedLoad()) return null;
  if (fields.users.value.trim() === '' || !(form.users >= 1) || Math.floor(form.users) !== form.users) {
    return 'Number of users must be a whole number, at least 1.';
  }
  if (fields.spawnRate.value.trim() === '' || !(form.spawnRate > 0)) {
    return 'Ramp up must be a number of users per second above 0.';
  }
  return null;
}

function submit(event: Event): void {
  event.preventDefault();
  if (ui.starting) return;
  const form: UiStartForm = {
    users: Number(fields.users.value),
    spawnRate: Number(fields.spawnRate.value),
    runTime: fields.runTime.value.trim(),
    host: fields.host.value.trim(),
  };
  const boxes = classBoxes();
  if (boxes.length > 0) form.userClasses = boxes.filter((box) => box.checked).map((box) => box.value);
  const error = formError(form);
  if (error !== null) return showStartError(error);
  show(startError, false);
  ui.starting = true;
  startButton.disabled = true;
  setText(startButton, 'Starting\u2026');
  const failed = (message: string): void => {
    resetStartButton();
    showStartError(message);
  };
  postJson('api/start', form)
    .then((res) => (res.ok ? null : refusal(res, 'volley refused to start the run').then(failed)))
    .catch((err: Error) => failed('Could not reach volley: ' + err.message));
}

export function initStartForm(): void {
  Object.values(fields).forEach((field) => {
    field.addEventListener('input', () => {
      ui.formTouched = true;
    });
  });
  byId('start-form').addEventListener('submit', submit);
}
