/**
 * The status bar's buttons: Stop (`api/stop`, shown as stopping until the server's events say
 * so) and, after a run, New test (`api/new`, back to the start form). A failure shows beside them.
 */

import { byId, setText, show } from './dom.js';
import { ui } from './page-state.js';
import { render } from './page-view.js';
import { postJson, refusal } from './post-json.js';

const stopButton = byId<HTMLButtonElement>('stop-button');
const stopError = byId('stop-error');

function showActionError(message: string): void {
  setText(stopError, message);
  show(stopError, true);
}

function newTest(): void {
  const button = byId<HTMLButtonElement>('new-test');
  button.disabled = true;
  postJson('api/new', {})
    .then((res) => {
      button.disabled = false;
      return res.ok ? null : refusal(res, 'New test failed').then(showActionError);
    })
    .catch((err: Error) => {
      button.disabled = false;
      showActionError('Could not reach volley: ' + err.message);
    });
}

function stop(): void {
  if (ui.stopRequested) return;
  ui.stopRequested = true;
  show(stopError, false);
  render();
  const failed = (message: string): void => {
    ui.stopRequested = false;
    showActionError(message);
    render();
  };
  postJson('api/stop', {})
    .then((res) => (res.ok ? null : refusal(res, 'Stop failed').then(failed)))
    .catch((err: Error) => failed('Could not reach volley: ' + err.message));
}

export function initRunActions(): void {
  byId('new-test').addEventListener('click', newTest);
  stopButton.addEventListener('click', stop);
}
