/**
 * The stats-row ids a protocol client records into, resolved once per (scope, type, name) and
 * kept: asking the recorder each time would build its key string per sample. A lookup here is
 * three Map gets with the strings the client already has. As in the HTTP client's endpoint
 * cache, at most MAX_ROWS names are kept per (scope, type): past that (a name carrying ids) the
 * recorder is asked each time and files them under its overflow row, so this cache never grows
 * with the number of distinct names.
 */

import type { Protocol } from '../metrics/endpoint-key.js';
import { MAX_ROWS } from '../metrics/limits.js';
import type { MetricsRecorder } from '../metrics/recorder.js';

export class RowIds {
  private readonly byScope = new Map<number, Map<string, Map<string, number>>>();

  constructor(
    private readonly recorder: MetricsRecorder,
    private readonly protocol: Protocol,
  ) {}

  /** The row of `type` (the Type column: `SSE`, `RTT`…) and `name` in `scope`. */
  id(scope: number, type: string, name: string): number {
    let byType = this.byScope.get(scope);
    if (byType === undefined) {
      byType = new Map();
      this.byScope.set(scope, byType);
    }
    let byName = byType.get(type);
    if (byName === undefined) {
      byName = new Map();
      byType.set(type, byName);
    }
    let id = byName.get(name);
    if (id === undefined) {
      id = this.recorder.endpoint(scope, type, name, this.protocol);
      if (byName.size < MAX_ROWS) byName.set(name, id);
    }
    return id;
  }
}
