/**
 * The stats rows of a user's HTTP/2 requests: rows of their own (protocol `h2`), so the summary's
 * Protocol column says HTTP/2 and a run mixing both versions keeps them apart. Found as the
 * HTTP/1.1 client finds its rows (`http/endpoints.ts`): two array indexes and one map hit, no key
 * string built, at most as many names cached per scope and method as a run keeps rows.
 */

import { MAX_ROWS } from '../../metrics/limits.js';
import type { MetricsRecorder } from '../../metrics/recorder.js';

export class Http2Endpoints {
  private readonly byScope: (Map<string, number> | undefined)[][] = [];

  constructor(private readonly recorder: MetricsRecorder) {}

  id(scope: number, methodIndex: number, method: string, name: string): number {
    if (!Number.isInteger(scope) || scope < 0 || scope > 0xffff) return this.recorder.endpoint(scope, method, name, 'h2');
    const methods = (this.byScope[scope] ??= []);
    let names = methods[methodIndex];
    if (names === undefined) {
      names = new Map();
      methods[methodIndex] = names;
    }
    let id = names.get(name);
    if (id === undefined) {
      id = this.recorder.endpoint(scope, method, name, 'h2');
      if (names.size < MAX_ROWS) names.set(name, id);
    }
    return id;
  }
}
