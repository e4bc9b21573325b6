/**
 * What the page knows about the run, from the server's events and the user's clicks: one object
 * the modules beside this file read and update, and what the status pill makes of it.
 */

import type { UiEnd, UiProgress, UiState } from '../ui-messages.js';
import { VERDICT_WORDS } from './verdict-report.js';

export interface PageState {
  state: UiState | null;
  progress: UiProgress | null;
  end: UiEnd | null;
  stopRequested: boolean;
  starting: boolean;
  formTouched: boolean;
  reportShown: boolean;
}

export const ui: PageState = {
  state: null,
  progress: null,
  end: null,
  stopRequested: false,
  starting: false,
  formTouched: false,
  reportShown: false,
};

const PHASE_WORDS = { running: 'RUNNING', stopping: 'STOPPING', finishing: 'FINISHING' };

export interface PhaseLook {
  /** The pill's CSS class: a phase, or the verdict once known. */
  kind: string;
  word: string;
}

/** What the status pill says: the verdict once known, else where the run is. */
export function phaseLook(): PhaseLook {
  if (ui.end) return { kind: ui.end.verdict, word: VERDICT_WORDS[ui.end.verdict] || 'FINISHED' };
  const phase = ui.state ? ui.state.phase : 'running';
  if (phase === 'finished') return { kind: 'finishing', word: PHASE_WORDS.finishing };
  const stopping = phase === 'stopping' || ui.stopRequested || (ui.progress && ui.progress.phase === 'stopping');
  return stopping ? { kind: 'stopping', word: PHASE_WORDS.stopping } : { kind: 'running', word: PHASE_WORDS.running };
}

/** A scenario whose load the form's users and spawn rate cannot stand for (see UiState.fixedLoad). */
export function hasFixedLoad(): boolean {
  return ui.state !== null && typeof ui.state.fixedLoad === 'string' && ui.state.fixedLoad !== '';
}
