// `npm run build`, after tsc: copies the .proto files under src/ to the same places under dist/,
// where the built code reads them (the demo's gRPC ledger: dist/demo/proto/ledger.proto).
import { cpSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const src = join(root, 'src');
for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.proto')) continue;
  const from = join(entry.parentPath, entry.name);
  const to = join(root, 'dist', relative(src, from));
  cpSync(from, to);
  console.log(`copied ${relative(root, to)}`);
}
