/**
 * Generation tasks behind `/api/v1/generation/*` (seed 002). A task is queued, then running,
 * then done, like a job on a worker queue, but no timer or worker exists: the status is
 * computed from the task's age whenever someone asks, one stage per `stageMs`
 *
 *   0 ──queued── stageMs ──running── 2·stageMs ──done──▶
 *
 * so a thousand tasks in flight cost nothing between requests.
 */

import { checkCapacity, pushCapped, setCapped } from './capped.js';

export type GenerationStatus = 'queued' | 'running' | 'done';

export const GENERATION_STATUSES: readonly GenerationStatus[] = ['queued', 'running', 'done'];
export const GENERATION_MODELS = ['standard', 'hd'] as const;
export type GenerationModel = (typeof GENERATION_MODELS)[number];

export interface GenerationInput {
  prompt: string;
  model: GenerationModel;
  outputs: number;
}

interface Task extends GenerationInput {
  id: string;
  owner: string;
  createdAtMs: number;
}

export interface GenerationView extends GenerationInput {
  id: string;
  status: GenerationStatus;
  /** 0..100: 0 while queued, the share of the running stage elapsed, 100 when done. */
  progress: number;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  /** When done: the names of the generated files. */
  result: { files: string[] } | null;
}

export const DEFAULT_GENERATION_CAPACITY = 50_000;
const TASKS_LISTED_PER_USER = 200;

export class GenerationStore {
  readonly #tasks = new Map<string, Task>();
  readonly #byOwner = new Map<string, string[]>();
  readonly #stageMs: number;
  readonly #now: () => number;
  readonly #capacity: number;
  #nextId = 1;

  constructor(stageMs: number, now: () => number = Date.now, capacity = DEFAULT_GENERATION_CAPACITY) {
    this.#stageMs = stageMs;
    this.#now = now;
    this.#capacity = checkCapacity('generation store', capacity);
  }

  create(owner: string, input: GenerationInput): GenerationView {
    const nowMs = this.#now();
    const task: Task = { id: `gen_${this.#nextId++}`, owner, ...input, createdAtMs: nowMs };
    setCapped(this.#tasks, task.id, task, this.#capacity);
    let ids = this.#byOwner.get(owner);
    if (ids === undefined) {
      ids = [];
      setCapped(this.#byOwner, owner, ids, this.#capacity);
    }
    pushCapped(ids, task.id, TASKS_LISTED_PER_USER);
    return this.#view(task, nowMs);
  }

  /** The task as its owner sees it now; undefined for someone else's task, as for a missing one. */
  get(owner: string, id: string): GenerationView | undefined {
    const task = this.#tasks.get(id);
    if (task === undefined || task.owner !== owner) return undefined;
    return this.#view(task, this.#now());
  }

  /** The owner's newest tasks first, optionally only those in one status. */
  list(owner: string, limit: number, status?: GenerationStatus): { items: GenerationView[]; total: number } {
    const nowMs = this.#now();
    const ids = this.#byOwner.get(owner) ?? [];
    const items: GenerationView[] = [];
    let total = 0;
    for (let i = ids.length - 1; i >= 0; i--) {
      const task = this.#tasks.get(ids[i] as string);
      if (task === undefined) continue;
      // Views are built only for the page; counting needs just the status.
      if (status !== undefined && this.#status(task, nowMs) !== status) continue;
      total++;
      if (items.length < limit) items.push(this.#view(task, nowMs));
    }
    return { items, total };
  }

  #status(task: Task, nowMs: number): GenerationStatus {
    const age = nowMs - task.createdAtMs;
    return age < this.#stageMs ? 'queued' : age < 2 * this.#stageMs ? 'running' : 'done';
  }

  #view(task: Task, nowMs: number): GenerationView {
    const stage = this.#stageMs;
    const age = nowMs - task.createdAtMs;
    const status = this.#status(task, nowMs);
    const progress =
      status === 'queued' ? 0 : status === 'done' ? 100 : Math.floor(((age - stage) / stage) * 100);
    const { id, prompt, model, outputs } = task;
    return {
      id,
      prompt,
      model,
      outputs,
      status,
      progress,
      createdAt: new Date(task.createdAtMs).toISOString(),
      startedAt: status === 'queued' ? null : new Date(task.createdAtMs + stage).toISOString(),
      completedAt: status === 'done' ? new Date(task.createdAtMs + 2 * stage).toISOString() : null,
      result:
        status === 'done' ? { files: Array.from({ length: outputs }, (_, i) => `${id}-${i + 1}.png`) } : null,
    };
  }
}
