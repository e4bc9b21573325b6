/**
 * For `tsconfig.browser.json` only, which type-checks the browser code without Node's types: the
 * browser code imports types from shared Node modules (the Result, the live rows), and with them
 * TypeScript checks metrics/hdr.ts, which loads hdr-histogram-js's CommonJS modules through
 * `createRequire`. That module never runs in a browser; this is the one signature it needs.
 */
declare module 'node:module' {
  export function createRequire(path: string): (id: string) => unknown;
}
