/**
 * The live web UI's server (Locust's web UI, for volley): one page, a stream of server-sent
 * events with the run's state, progress and end, and the actions: start (the form's load), load
 * (new users for the running test), reset (statistics from zero), stop, and `new` (a finished
 * run's page back to the start form). It serves the statistics as CSV during and after the run,
 * and the HTML report and the JSON result after it. It binds 127.0.0.1 unless told otherwise,
 * and takes actions only as JSON posts, which a page on another origin cannot
 * send without the browser asking first (so a stray web page cannot stop a run); posts from a
 * browser must also come from this page's own origin. On loopback every request must name this
 * server in its Host (no DNS rebinding); beyond loopback every request must carry the UI's token.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderUiPage } from './page.js';
import type { Result } from '../metrics/result.js';
import type { CsvReports } from '../outputs/csv/index.js';
import { attachment, CSV_DOWNLOADS, csvReports } from './ui-downloads.js';
import type { UiEnd, UiHistoryPoint, UiLoadChange, UiProgress, UiStartForm, UiState } from './ui-messages.js';
import { parseForm, parseLoadChange, readBody } from './ui-requests.js';
import { sendReply } from '../outputs/http-reply.js';
import { hostProblem, isLoopbackAddress, loopbackHosts, originProblem } from '../outputs/http-guard.js';
import { newUiToken, presentedToken, tokenCookie, tokensMatch } from './ui-token.js';

export interface UiServerOptions {
  host: string;
  /** 0 for any free port. */
  port: number;
  state: UiState;
  /**
   * The start form was posted: resolves with an error message to refuse it (shown beside the
   * form), or undefined when the run starts.
   */
  onStart?: (form: UiStartForm) => Promise<string | undefined>;
  onStop?: () => void;
  /** The Edit control posted a new load: resolves with a refusal, or undefined when the load changes. */
  onLoad?: (change: UiLoadChange) => string | undefined;
  /** Reset stats was clicked: a refusal, or undefined once the statistics start again from zero. */
  onReset?: () => string | undefined;
  /** The Result so far while the run goes on (for the CSV downloads); undefined before the start. */
  resultSoFar?: () => Result | undefined;
  /** The token every request must carry; generated when the UI listens beyond loopback. */
  token?: string;
}

export interface UiListening {
  /** The page's URL, with the token when there is one: the one to open. */
  url: string;
  /** Whether the bound address is loopback (else the UI is reachable from other machines). */
  loopback: boolean;
}

interface UiAccess {
  port: number;
  /** The Host headers accepted; null for any (a non-loopback bind). */
  hosts: ReadonlySet<string> | null;
  token: string | null;
}

/** Comment lines that keep idle event streams open through proxies and browser timeouts. */
const KEEPALIVE_MS = 15_000;
/** A day of seconds: a longer run keeps its charts' last day. */
const MAX_HISTORY_POINTS = 86_400;

export class UiServer {
  private readonly server: Server;
  private readonly streams = new Set<ServerResponse>();
  private state: UiState;
  private lastProgress: string | undefined;
  private readonly history: UiHistoryPoint[] = [];
  private ended: { event: string; report: string; result: string; csv: CsvReports } | undefined;
  private readonly page = renderUiPage();
  private keepalive: NodeJS.Timeout | undefined;
  private access: UiAccess = { port: 0, hosts: new Set(), token: null };

  constructor(private readonly options: UiServerOptions) {
    this.state = options.state;
    this.server = createServer((req, res) => {
      this.route(req, res).catch((error: unknown) => {
        if (!res.headersSent) sendReply(res, 500, 'text/plain', error instanceof Error ? error.message : String(error));
      });
    });
  }

  /** Listens; resolves with the page's URL. */
  listen(): Promise<UiListening> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, () => {
        this.server.off('error', reject);
        const { address, port } = this.server.address() as AddressInfo;
        const loopback = isLoopbackAddress(address);
        const token = this.options.token ?? (loopback ? null : newUiToken());
        this.access = { port, hosts: loopback ? loopbackHosts(address, port) : null, token };
        this.keepalive = setInterval(() => this.broadcast(':\n\n'), KEEPALIVE_MS);
        this.keepalive.unref();
        const base = `http://${address.includes(':') ? `[${address}]` : address}:${port}/`;
        resolve({ url: token === null ? base : `${base}?token=${token}`, loopback });
      });
    });
  }

  update(state: Partial<UiState>): void {
    this.state = { ...this.state, ...state };
    this.broadcast(event('state', this.state));
  }

  progress(progress: UiProgress): void {
    if (this.history.length >= MAX_HISTORY_POINTS) this.history.shift();
    this.history.push({
      t: progress.elapsedMs / 1000,
      rps: progress.rps,
      failuresPerSec: progress.failuresPerSec,
      p95Ms: progress.p95Ms,
      users: progress.users,
    });
    this.lastProgress = event('progress', progress);
    this.broadcast(this.lastProgress);
  }

  /** The run is over: its verdict to every page, and its reports to serve. */
  end(end: UiEnd, reportHtml: string, result: Result): void {
    this.state = { ...this.state, phase: 'finished' };
    const resultJson = `${JSON.stringify(result, null, 2)}\n`;
    this.ended = { event: event('end', end), report: reportHtml, result: resultJson, csv: csvReports(result) };
    this.broadcast(event('state', this.state));
    this.broadcast(this.ended.event);
  }

  async close(): Promise<void> {
    clearInterval(this.keepalive);
    for (const stream of this.streams) stream.end();
    this.streams.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Whether the request may go on; if not, it has been answered. */
  private admit(req: IncomingMessage, res: ServerResponse): boolean {
    const { hosts, token, port } = this.access;
    const refused = hostProblem(req, hosts) ?? (req.method === 'POST' ? originProblem(req) : null);
    if (refused !== null) {
      sendReply(res, 403, 'text/plain', refused);
      return false;
    }
    if (token === null) return true;
    const presented = presentedToken(req, port);
    if (presented === null || !tokensMatch(token, presented.token)) {
      sendReply(res, 401, 'text/plain', "this web UI needs its token: open the URL volley printed (…/?token=…)");
      return false;
    }
    if (presented.fromQuery) res.setHeader('set-cookie', tokenCookie(port, token));
    return true;
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!this.admit(req, res)) return;
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method === 'GET' || req.method === 'HEAD') {
      switch (path) {
        case '/':
          return sendReply(res, 200, 'text/html; charset=utf-8', this.page);
        case '/events':
          return this.openStream(res);
        case '/report.html':
          return this.ended === undefined
            ? sendReply(res, 404, 'text/plain', 'the report is written when the run ends')
            : sendReply(res, 200, 'text/html; charset=utf-8', this.ended.report);
        case '/result.json':
          return this.ended === undefined
            ? sendReply(res, 404, 'text/plain', 'the result is written when the run ends')
            : sendReply(res, 200, 'application/json', this.ended.result, { 'content-disposition': 'attachment; filename="result.json"' });
        default:
          return this.download(path, res);
      }
    }
    if (req.method !== 'POST') return sendReply(res, 405, 'text/plain', 'method not allowed');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
      return sendReply(res, 415, 'text/plain', 'actions are JSON posts');
    const body = await readBody(req);
    return this.act(path, body, res);
  }

  private async act(path: string, body: string, res: ServerResponse): Promise<void> {
    switch (path) {
      case '/api/start': {
        if (this.state.phase !== 'waiting' || !this.state.startable)
          return sendReply(res, 409, 'text/plain', 'the run has already started');
        const form = parseForm(body);
        if (typeof form === 'string') return sendReply(res, 400, 'text/plain', form);
        const refused = (await this.options.onStart?.(form)) ?? undefined;
        if (refused !== undefined) return sendReply(res, 400, 'text/plain', refused);
        return sendReply(res, 202, 'text/plain', 'starting');
      }
      case '/api/new':
        if (this.state.phase !== 'finished' || !this.state.restartable)
          return sendReply(res, 409, 'text/plain', 'a new test can start once this one has finished');
        this.history.length = 0;
        this.lastProgress = undefined;
        this.ended = undefined;
        this.update({ phase: 'waiting', startable: true, startedAt: null });
        return sendReply(res, 202, 'text/plain', 'waiting for the start form');
      case '/api/stop':
        if (this.state.phase !== 'running') return sendReply(res, 409, 'text/plain', `the run is ${this.state.phase}`);
        this.options.onStop?.();
        this.update({ phase: 'stopping' });
        return sendReply(res, 202, 'text/plain', 'stopping');
      case '/api/load':
        return this.changeLoad(body, res);
      case '/api/reset':
        return this.resetStats(res);
      default:
        return sendReply(res, 404, 'text/plain', 'not found');
    }
  }

  private changeLoad(body: string, res: ServerResponse): void {
    if (this.state.phase !== 'running') return sendReply(res, 409, 'text/plain', `the load can change only while the run is running; it is ${this.state.phase}`);
    if (this.state.fixedLoad !== null)
      return sendReply(res, 409, 'text/plain', `this run's load is fixed (${this.state.fixedLoad}): only a plain number of users can change while it runs`);
    const change = parseLoadChange(body);
    if (typeof change === 'string') return sendReply(res, 400, 'text/plain', change);
    const refused = this.options.onLoad === undefined ? 'this run cannot change its load' : this.options.onLoad(change);
    if (refused !== undefined) return sendReply(res, 409, 'text/plain', refused);
    this.update({ form: { ...this.state.form, users: change.users, spawnRate: change.spawnRate } });
    return sendReply(res, 202, 'text/plain', `ramping to ${change.users === 1 ? '1 user' : `${change.users} users`} at ${change.spawnRate}/s`);
  }

  private resetStats(res: ServerResponse): void {
    if (this.state.phase !== 'running') return sendReply(res, 409, 'text/plain', `statistics can be reset only while the run is running; it is ${this.state.phase}`);
    const refused = this.options.onReset === undefined ? 'this run cannot reset its statistics' : this.options.onReset();
    if (refused !== undefined) return sendReply(res, 409, 'text/plain', refused);
    this.history.length = 0;
    this.lastProgress = undefined;
    this.broadcast(event('reset', {}));
    return sendReply(res, 202, 'text/plain', 'statistics reset');
  }

  /** The statistics as CSV: the final ones after the run, the figures so far during it. */
  private download(path: string, res: ServerResponse): void {
    const suffix = CSV_DOWNLOADS[path];
    if (suffix === undefined) return sendReply(res, 404, 'text/plain', 'not found');
    if (suffix === '_stats_history' && this.ended === undefined)
      return sendReply(res, 404, 'text/plain', 'the history is written when the run ends');
    const so = this.ended === undefined ? this.options.resultSoFar?.() : undefined;
    const reports = this.ended?.csv ?? (so === undefined ? undefined : csvReports(so));
    if (reports === undefined) return sendReply(res, 404, 'text/plain', 'the statistics are there once the run has started');
    return sendReply(res, 200, 'text/csv; charset=utf-8', reports[suffix], attachment(path));
  }

  private openStream(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    res.write(event('state', this.state));
    if (this.history.length > 0) res.write(event('history', this.history));
    if (this.lastProgress !== undefined) res.write(this.lastProgress);
    if (this.ended !== undefined) res.write(this.ended.event);
    this.streams.add(res);
    res.on('close', () => this.streams.delete(res));
  }

  private broadcast(text: string): void {
    for (const stream of this.streams) stream.write(text);
  }
}

function event(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}
