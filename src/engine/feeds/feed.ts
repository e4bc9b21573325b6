/**
 * `feed()`: test data for virtual users, one row per iteration or per user (seed 002 seeded each
 * user with its own account; Locust leaves this to hand-written CSV code, k6 has SharedArray).
 *
 *   const accounts = feed('data/users.csv', { order: 'unique' });
 *   tasks: { login: (vu) => { const { email, password } = accounts.next(vu); … } }
 *
 * Orders:
 * - `sequence` (default): round-robin, row 0, 1, 2, … and around again;
 * - `random`: a uniformly random row per call, drawn from a generator per user, so runs repeat
 *   (VuContext does not expose the user's own `--seed`ed generator, so the feed keeps one per
 *   user id, seeded from the id and the feed's name: reproducible, but the same for every --seed);
 * - `unique`: every row at most once across the whole run, then `next()` throws.
 *
 * Split across workers, a feed stays deterministic with no coordination: worker k of n hands out
 * only the row indices its execution segment owns (striped, as users and arrivals are), so
 * `unique` rows never meet twice and together the workers use every row. The cluster tells the
 * feeds which segment this worker runs with `setFeedSegment()`; alone, a process owns everything.
 *
 * Files load once: those a scenario declares at its top level when `volley` loads the scenario
 * (so a broken file stops the run before it starts), others at the first call that needs them
 * (synchronously: call `load()` in the scenario's `setup()` to read them before the run starts). A relative path resolves against
 * `process.cwd()`, where volley was started, not against the scenario file: resolving beside the
 * scenario would need the scenario loader to pass its location, which `feed()` cannot see.
 */

import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { Random } from '../../core/random.js';
import { type ExecutionSegment, SegmentOwnership, WHOLE } from '../segment.js';
import { VolleyError } from '../../errors.js';
import { CsvSyntaxError, parseCsv } from './feed-csv.js';
import { JsonRowsError, parseJsonRows } from './feed-json.js';

export type FeedOrder = 'sequence' | 'random' | 'unique';

export interface FeedOptions {
  /** How rows are handed out; default `sequence`. */
  order?: FeedOrder;
  /** Names the feed in errors; default the path as given, or `array`. */
  name?: string;
}

/**
 * What a feed needs of the caller: its `VuContext` fits. `random`, when present, draws from the
 * user's own seeded generator (so `random` order follows `--seed`); without it the feed keeps a
 * generator per user id.
 */
export interface FeedCaller {
  readonly id: number;
  random?(): number;
}

export interface Feed<Row> {
  readonly name: string;
  readonly order: FeedOrder;
  /** A row for this iteration, in the feed's order. Rows are shared: do not modify them. */
  next(vu: FeedCaller): Row;
  /**
   * The same row every time for one user: row `vu.id` (modulo the row count, except in `unique`
   * order, where a user beyond the last row is an error). User ids are unique across workers, so
   * `unique` rows stay unique split across workers too. In `unique` order a feed serves either
   * `next()` or `forUser()`, never both (they would hand out the same rows).
   */
  forUser(vu: FeedCaller): Row;
  /** Reads the file now if not yet read, and returns every row. */
  load(): readonly Row[];
}

const ORDERS: readonly FeedOrder[] = ['sequence', 'random', 'unique'];

let currentSegment: ExecutionSegment = WHOLE;

/**
 * Sets the execution segment this process runs (worker k of n), before any feed is used. A feed
 * binds to the segment current at its first `next()`; later changes do not move it.
 */
export function setFeedSegment(segment: ExecutionSegment): void {
  const { index, weights } = segment;
  // Validates the weights (positive integers) before anything is changed.
  new SegmentOwnership(segment);
  if (!Number.isInteger(index) || index < 0 || index >= weights.length) {
    throw new RangeError(`feed segment index ${index} is outside weights [${weights.join(', ')}]`);
  }
  currentSegment = { index, weights: [...weights] };
}

/** Rows from a `.csv` file (header row; values are strings) or a `.json` file (an array). */
export function feed<Row = Record<string, string>>(path: string, options?: FeedOptions): Feed<Row>;
/** Rows from an array in memory. */
export function feed<Row>(rows: readonly Row[], options?: FeedOptions): Feed<Row>;
export function feed<Row>(source: string | readonly Row[], options: FeedOptions = {}): Feed<Row> {
  const order = options.order ?? 'sequence';
  if (!ORDERS.includes(order)) {
    throw new RangeError(`feed: order must be one of ${ORDERS.join(', ')}, got ${String(order)}`);
  }
  if (typeof source === 'string') {
    const extension = extname(source).toLowerCase();
    if (extension !== '.csv' && extension !== '.json') {
      throw new RangeError(`feed ${source}: expected a .csv or .json file`);
    }
    const file = resolve(process.cwd(), source);
    const name = options.name ?? source;
    const created = new RowFeed<Row>(name, order, () => readRows(name, file, extension) as Row[]);
    declared.push(created);
    return created;
  }
  if (!Array.isArray(source)) {
    throw new TypeError('feed: expected a path to a .csv or .json file, or an array of rows');
  }
  const name = options.name ?? 'array';
  if (source.length === 0) throw new RangeError(`feed ${name}: no rows`);
  const rows = [...source];
  return new RowFeed<Row>(name, order, () => rows);
}

/** File feeds created since the last `loadDeclaredFeeds()`. */
const declared: { load(): unknown }[] = [];

/**
 * Reads every file feed created since the last call (throwing the first one's error, with its
 * file and line). The scenario loader calls it once the scenario module has run, so feeds
 * declared at the top of a scenario are checked at start.
 */
export function loadDeclaredFeeds(): void {
  for (const created of declared.splice(0)) created.load();
}

function readRows(name: string, file: string, extension: string): unknown[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new VolleyError('VOLLEY_E_IO', `feed ${name}: cannot read ${file} (${code})`, {
      location: { file },
      cause: error,
    });
  }
  let rows: unknown[];
  try {
    rows = extension === '.csv' ? parseCsv(text) : parseJsonRows(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError || error instanceof JsonRowsError) {
      throw new VolleyError('VOLLEY_E_IO', `feed ${name} line ${error.line}: ${error.message}`, {
        location: { file, line: error.line },
      });
    }
    throw error;
  }
  if (rows.length === 0) {
    throw new VolleyError('VOLLEY_E_IO', `feed ${name}: no rows`, { location: { file } });
  }
  return rows;
}

class RowFeed<Row> implements Feed<Row> {
  private rows: readonly Row[] | undefined;
  private loadError: unknown;
  private ownership: SegmentOwnership | undefined;
  /** Next global unit to consider: a position in the sequence, or a row index (`unique`). */
  private cursor = 0;
  private uniqueUse: 'next' | 'forUser' | undefined;
  private readonly randoms = new Map<number, Random>();
  private readonly salt: number;

  constructor(
    readonly name: string,
    readonly order: FeedOrder,
    private readonly read: () => Row[],
  ) {
    this.salt = hash(name);
  }

  load(): readonly Row[] {
    if (this.rows !== undefined) return this.rows;
    // A file that failed to load is not read again on every call: the same error is rethrown.
    if (this.loadError !== undefined) throw this.loadError;
    try {
      this.rows = this.read();
      return this.rows;
    } catch (error) {
      this.loadError = error;
      throw error;
    }
  }

  next(vu: FeedCaller): Row {
    const rows = this.load();
    const ownership = this.bind();
    switch (this.order) {
      case 'sequence': {
        while (!ownership.owns(this.cursor)) this.cursor++;
        return rows[this.cursor++ % rows.length] as Row;
      }
      case 'random':
        return rows[Math.floor(this.draw(vu) * rows.length)] as Row;
      case 'unique': {
        this.useUnique('next');
        while (this.cursor < rows.length && !ownership.owns(this.cursor)) this.cursor++;
        if (this.cursor >= rows.length) throw this.exhausted(rows.length, ownership);
        return rows[this.cursor++] as Row;
      }
    }
  }

  forUser(vu: FeedCaller): Row {
    const rows = this.load();
    if (this.order !== 'unique') return rows[vu.id % rows.length] as Row;
    this.useUnique('forUser');
    const row = rows[vu.id];
    if (row === undefined) {
      throw new Error(`feed ${this.name}: all ${rows.length} unique rows are used (user ${vu.id} has none)`);
    }
    return row;
  }

  private bind(): SegmentOwnership {
    this.ownership ??= new SegmentOwnership(currentSegment);
    return this.ownership;
  }

  private useUnique(use: 'next' | 'forUser'): void {
    this.uniqueUse ??= use;
    if (this.uniqueUse !== use) {
      throw new Error(`feed ${this.name}: in unique order, use next() or forUser(), not both`);
    }
  }

  private draw(vu: FeedCaller): number {
    if (vu.random !== undefined) return vu.random();
    let random = this.randoms.get(vu.id);
    if (random === undefined) {
      random = new Random(this.salt ^ Math.imul(vu.id + 1, 0x9e3779b1));
      this.randoms.set(vu.id, random);
    }
    return random.next();
  }

  private exhausted(total: number, ownership: SegmentOwnership): Error {
    const whole = ownership.segment.weights.length === 1;
    const share = whole ? '' : ` (this worker's share: ${ownership.shareOf(total)})`;
    return new Error(`feed ${this.name}: all ${total} unique rows are used${share}`);
  }
}

/** FNV-1a: a different random stream per feed, so two feeds of one user are not in lockstep. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return h >>> 0;
}
