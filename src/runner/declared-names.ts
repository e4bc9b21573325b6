/**
 * Names user classes after the variable that holds them, wherever it is declared: a class
 * imported from another module (`import { Patient } from '../config/personas.js'`) or kept unexported is
 * not among the scenario file's exports, and would otherwise be called `User1`.
 *
 * An esbuild plugin appends, to each of the scenario's own source files, one statement per
 * top-level `const Name = defineUser(…)` that tags the object with its declared name under a
 * registry symbol (read by engine/declared-name.ts). The first tag wins, so a class re-exported
 * under another name keeps its own.
 */

import { readFileSync } from 'node:fs';
import type { Loader, Plugin } from 'esbuild';

/** Top-level (unindented) declarations whose value is a defineUser(…) call. */
const DECLARATION =
  /^(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=\n]*)?=\s*defineUser\s*[<(]/gm;

const LOADERS: Record<string, Loader> = { ts: 'ts', mts: 'ts', cts: 'ts', tsx: 'tsx', js: 'js', mjs: 'js', cjs: 'js', jsx: 'jsx' };

/** The statements that tag each user class declared in `source` with its variable's name. */
export function declaredNameTags(source: string): string {
  const names = [...source.matchAll(DECLARATION)].map((match) => match[1] as string);
  const key = "Symbol.for('volley.declaredName')";
  return names
    .map(
      (name) =>
        `\nif (typeof ${name} === 'object' && ${name} !== null && ${name}[${key}] === undefined) ` +
        `Object.defineProperty(${name}, ${key}, { value: ${JSON.stringify(name)} });`,
    )
    .join('');
}

export const declaredNamesPlugin: Plugin = {
  name: 'volley-declared-names',
  setup(esbuild) {
    esbuild.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, (args) => {
      if (args.path.includes('/node_modules/') || args.namespace !== 'file') return undefined;
      const source = readFileSync(args.path, 'utf8');
      const tags = declaredNameTags(source);
      if (tags === '') return undefined;
      const extension = args.path.slice(args.path.lastIndexOf('.') + 1);
      return { contents: `${source}\n${tags}\n`, loader: LOADERS[extension] ?? 'ts' };
    });
  },
};
