/**
 * The folder-level import graph of `src/`, read with TypeScript's own pre-processor (so `import
 * type`, `export … from` and `import()` all count: a type is a dependency too), and the map's
 * table of allowed arrows, read from docs/architecture.md so the page and the check cannot differ.
 */

import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import ts from 'typescript';

/** One import of a file in one folder from a file in another. */
export interface FolderImport {
  from: string;
  to: string;
  file: string;
  specifier: string;
}

/** Files directly under src/ other than the public face belong to `core` (errors, version). */
export function folderOf(srcRoot: string, file: string): string {
  const parts = relative(srcRoot, file).split(sep);
  if (parts.length > 1) return parts[0] ?? '';
  return parts[0]?.replace(/\.(ts|js)$/, '') === 'index' ? 'index' : 'core';
}

export function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (entry.name.endsWith('.ts')) files.push(path);
  }
  return files;
}

export function folderImports(srcRoot: string): FolderImport[] {
  const imports: FolderImport[] = [];
  for (const file of sourceFiles(srcRoot)) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName: specifier } of info.importedFiles) {
      if (!specifier.startsWith('.')) continue;
      const target = normalize(join(dirname(file), specifier));
      const from = folderOf(srcRoot, file);
      const to = folderOf(srcRoot, target);
      if (from !== to) imports.push({ from, to, file: relative(srcRoot, file), specifier });
    }
  }
  return imports;
}

/** Allowed arrows: folder → the folders it may import, or '*' for the composition roots. */
export type AllowedArrows = ReadonlyMap<string, ReadonlySet<string> | '*'>;

/**
 * Reads the rows of the map's table: `| \`folder\` | why | may import |`, where the last cell is
 * backticked folder names, "nothing", or "anything".
 */
export function readAllowedArrows(markdown: string): AllowedArrows {
  const arrows = new Map<string, ReadonlySet<string> | '*'>();
  for (const line of markdown.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    if (cells.length < 5) continue;
    const folder = /^`([a-z]+)\/?`$/.exec(cells[1] ?? '')?.[1];
    const mayImport = cells[cells.length - 2] ?? '';
    if (!folder) continue;
    if (mayImport === 'anything') arrows.set(folder, '*');
    else arrows.set(folder, new Set([...mayImport.matchAll(/`([a-z]+)\/?`/g)].map((m) => m[1] ?? '')));
  }
  return arrows;
}

/** The first cycle found in a folder graph, as a path that ends where it starts, or undefined. */
export function findCycle(edges: ReadonlyMap<string, ReadonlySet<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of edges.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of edges.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

/**
 * The rows of the map's layer drawing (the first `text` block after "Drawn as layers"): each
 * folder named at the start of a line gets that line's rank, the top line highest.
 */
export function readLayerRanks(markdown: string, folders: ReadonlySet<string>): Map<string, number> {
  const start = markdown.indexOf('Drawn as layers');
  const block = /```text\n([\s\S]*?)```/.exec(markdown.slice(start))?.[1] ?? '';
  const lines = block.split('\n').filter((line) => line.trim() !== '');
  const ranks = new Map<string, number>();
  lines.forEach((line, index) => {
    for (const word of line.trim().split(/\s+/)) {
      if (!folders.has(word)) break;
      ranks.set(word, lines.length - index);
    }
  });
  return ranks;
}
