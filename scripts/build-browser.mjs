// `npm run build`, after tsc: bundles the browser scripts (src/**/browser/) into dist/browser/,
// where the pages' asset loader (dist/outputs/assets.js) reads them.
import { fileURLToPath } from 'node:url';
import { writeBrowserBundles } from '../dist/outputs/browser-bundles.js';

const root = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));
for (const file of writeBrowserBundles(root('src'), root('dist'))) console.log(`bundled ${file}`);
