/**
 * The file `import … from 'volley'` must resolve to inside scenario files: the running volley's
 * own public entry, so scenarios share the engine's module instances.
 */

import { fileURLToPath } from 'node:url';

export function volleyEntry(): string {
  return fileURLToPath(new URL('../index.js', import.meta.url));
}
