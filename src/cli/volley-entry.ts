/**
 * The file `import … from 'volley'` must resolve to inside scenario files: the running volley's
 * own public entry, so scenarios share the engine's module instances.
 */

import { codeFile } from '../core/package-files.js';

export function volleyEntry(): string {
  return codeFile('index.js');
}
