// `npm run build`, after tsc: bundles volley's entry points (the CLI, the public entry a scenario
// imports, the worker thread's entry) with the code they share split into dist/chunks/, over
// tsc's files of the same names. Node then loads a few dozen files at start instead of some 360
// modules (tsc's one per source file, and zod's), which is most of volley's start-up time. The
// three entries are one build, so a scenario's `import … from 'volley'` (dist/index.js) shares
// the running CLI's module instances. tsc's other files stay in dist/ with the declarations.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** Files whose URL volley computes at run time: the bundle must place them where tsc does. */
const ENTRIES = ['src/index.ts', 'src/cli/main.ts', 'src/cluster/worker-main.ts'];

/**
 * Packages loaded on every start are bundled in; every other package (native code, large and
 * used by some runs only, or read as files) stays an import resolved from node_modules.
 */
const BUNDLED_PACKAGES = new Set(['commander', 'zod', 'eventsource-parser']);

const externalPackages = {
  name: 'external-packages',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
      return BUNDLED_PACKAGES.has(name) ? undefined : { path: args.path, external: true };
    });
  },
};

rmSync(root('dist/chunks'), { recursive: true, force: true });
await build({
  entryPoints: ENTRIES.map((entry) => root(entry)),
  outbase: root('src'),
  outdir: root('dist'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  // No keepNames: it redefines `name` on every function it creates, and a function made per
  // object (a handler bound once per user) then carries a property store of its own, about
  // 1.5 kB per virtual user in all. Nothing in volley reads its own functions' or classes' names.
  // CommonJS packages bundled into ESM need a require() for Node's modules.
  banner: { js: "import { createRequire as __volleyRequire } from 'node:module'; const require = __volleyRequire(import.meta.url);" },
  plugins: [externalPackages],
  logLevel: 'warning',
});
// tsc's source maps describe the files the bundle replaced.
for (const entry of ENTRIES) rmSync(root(entry.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js.map')), { force: true });
console.log(`bundled ${ENTRIES.map((entry) => entry.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js')).join(', ')}`);
