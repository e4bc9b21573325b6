/**
 * A Prometheus endpoint for a running load test (`GET /metrics`), so a team's own Prometheus and
 * Grafana watch volley next to the service under test. The run's tick only keeps a reference to
 * the latest progress; the text is rendered when scraped, so a scraper polling every 15 seconds
 * costs one render per 15 seconds, and none at all when nobody scrapes. After the run the final
 * figures and the verdicts stay served until `close()`.
 *
 * Bound to loopback, it answers only requests whose Host names it (127.0.0.1, localhost, [::1]
 * or the bound address, with the port): a web page the user visits could otherwise rebind its
 * own name to 127.0.0.1 and read the metrics (target URLs, error messages) as same-origin.
 * Bound to another address it answers any Host: scrapers send whatever name they were given for
 * the target (a DNS name, a service name), which volley cannot know, and rebinding is a threat to
 * loopback services only, since a browser can reach a non-loopback address directly anyway.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Result } from '../../metrics/result.js';
import type { LiveProgress, Output, RunStartInfo } from '../output.js';
import { PROMETHEUS_CONTENT_TYPE, renderExposition } from './exposition.js';
import { hostProblem, isLoopbackAddress, loopbackHosts } from '../http-guard.js';
import { sendReply } from '../http-reply.js';

export interface PrometheusOutputOptions {
  /** The address to bind, as given: the CLI defaults it to 127.0.0.1. */
  host: string;
  /** 0 for any free port. */
  port: number;
  /** The `scenario` label until the run starts (then the run's own name, from `onStart`). */
  scenario: string;
}

export const METRICS_PATH = '/metrics';

export class PrometheusOutput implements Output {
  readonly name = 'prometheus';
  readonly #options: PrometheusOutputOptions;
  readonly #server: Server;
  #start: RunStartInfo | null = null;
  #progress: LiveProgress | null = null;
  #result: Result | null = null;
  /** The Host headers answered; null for any (a non-loopback bind). */
  #hosts: ReadonlySet<string> | null = new Set();

  constructor(options: PrometheusOutputOptions) {
    this.#options = options;
    this.#server = createServer((req, res) => this.#route(req, res));
  }

  /** Listens; resolves with the URL of the metrics endpoint. */
  listen(): Promise<string> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(this.#options.port, this.#options.host, () => {
        this.#server.off('error', reject);
        const { address, port } = this.#server.address() as AddressInfo;
        this.#hosts = isLoopbackAddress(address) ? loopbackHosts(address, port) : null;
        resolve(`http://${address.includes(':') ? `[${address}]` : address}:${port}${METRICS_PATH}`);
      });
    });
  }

  onStart(info: RunStartInfo): void {
    this.#start = info;
  }

  onProgress(progress: LiveProgress): void {
    this.#progress = progress;
  }

  onEnd(result: Result): void {
    this.#result = result;
  }

  /** The run's name, as the `run` label of every series carries it. */
  runName(): string {
    return this.#start?.scenario ?? this.#options.scenario;
  }

  /** The exposition a scrape gets now. */
  render(): string {
    return renderExposition({
      scenario: this.#options.scenario,
      start: this.#start,
      progress: this.#progress,
      result: this.#result,
    });
  }

  async close(): Promise<void> {
    if (!this.#server.listening) return;
    // A scraper's keep-alive connection would otherwise hold close() open until it times out.
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #route(req: IncomingMessage, res: ServerResponse): void {
    const refused = hostProblem(req, this.#hosts);
    if (refused !== null) return sendReply(res, 403, 'text/plain; charset=utf-8', `${refused}\n`);
    const path = (req.url ?? '/').split('?')[0];
    if (path !== METRICS_PATH) return sendReply(res, 404, 'text/plain; charset=utf-8', 'not found\n');
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendReply(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n', { allow: 'GET, HEAD' });
    let body: string;
    try {
      body = this.render();
    } catch (error) {
      return sendReply(res, 500, 'text/plain; charset=utf-8', `${error instanceof Error ? error.message : String(error)}\n`);
    }
    sendReply(res, 200, PROMETHEUS_CONTENT_TYPE, body);
  }
}

