/**
 * The map in docs/architecture.md is enforced: every folder under src/ is on it, every import
 * between folders follows one of its arrows, and neither the map nor the code has a folder cycle.
 */

import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findCycle, folderImports, readAllowedArrows, readLayerRanks } from './import-graph.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const MAP = readFileSync(new URL('../../docs/architecture.md', import.meta.url), 'utf8');
const arrows = readAllowedArrows(MAP);
const imports = folderImports(SRC);

describe('the architecture map', () => {
  it('names every folder under src/', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    const missing = folders.filter((folder) => !arrows.has(folder));
    expect(missing, 'folders the map in docs/architecture.md does not describe').toEqual([]);
    const gone = [...arrows.keys()].filter((folder) => folder !== 'core' && folder !== 'index' && !folders.includes(folder));
    expect(gone, 'folders on the map that no longer exist').toEqual([]);
  });

  it('draws every folder in its layers, each arrow pointing to a lower row', () => {
    const folders = new Set([...arrows.keys()].filter((folder) => folder !== 'index'));
    const ranks = readLayerRanks(MAP, folders);
    expect([...folders].filter((folder) => !ranks.has(folder)), 'folders missing from the drawing').toEqual([]);
    const upward = [...arrows].flatMap(([from, allowed]) =>
      allowed === '*' ? [] : [...allowed].filter((to) => (ranks.get(to) ?? 0) >= (ranks.get(from) ?? 0)).map((to) => `${from} -> ${to}`),
    );
    expect(upward, 'arrows the drawing shows pointing up or sideways').toEqual([]);
  });

  it('is acyclic', () => {
    const edges = new Map<string, Set<string>>();
    for (const [folder, allowed] of arrows) if (allowed !== '*') edges.set(folder, new Set(allowed));
    expect(findCycle(edges)).toBeUndefined();
  });
});

describe('imports between folders', () => {
  it('follow the arrows of the map', () => {
    const against = imports
      .filter(({ from, to }) => {
        const allowed = arrows.get(from);
        return allowed !== '*' && !allowed?.has(to);
      })
      .map(({ from, to, file, specifier }) => `${from} -> ${to}: ${file} imports ${specifier}`);
    expect(against).toEqual([]);
  });

  it('form no cycle between folders', () => {
    const edges = new Map<string, Set<string>>();
    for (const { from, to } of imports) {
      if (from === 'index') continue;
      const targets = edges.get(from) ?? new Set<string>();
      targets.add(to);
      edges.set(from, targets);
    }
    expect(findCycle(edges)).toBeUndefined();
  });
});

describe('the graph reader', () => {
  it('reads the table rows and their arrows', () => {
    const table = ['| folder | why | may import |', '| --- | --- | --- |', '| `a` | x | nothing |', '| `b/` | y | `a`, `c` |', '| `cli` | z | anything |'].join('\n');
    const read = readAllowedArrows(table);
    expect(read.get('a')).toEqual(new Set());
    expect(read.get('b')).toEqual(new Set(['a', 'c']));
    expect(read.get('cli')).toBe('*');
  });

  it('ranks the folders of the layer drawing, top line highest', () => {
    const drawing = ['Drawn as layers:', '', '```text', '  cli            anything', '  a     b        two', '  core', '```'].join('\n');
    const ranks = readLayerRanks(drawing, new Set(['cli', 'a', 'b', 'core']));
    expect(Object.fromEntries(ranks)).toEqual({ cli: 3, a: 2, b: 2, core: 1 });
  });

  it('finds a cycle and returns none for a tree', () => {
    const graph = (pairs: [string, string][]) => {
      const map = new Map<string, Set<string>>();
      for (const [from, to] of pairs) map.set(from, (map.get(from) ?? new Set()).add(to));
      return map;
    };
    expect(findCycle(graph([['a', 'b'], ['b', 'c'], ['c', 'a']]))).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle(graph([['a', 'b'], ['a', 'c'], ['b', 'c']]))).toBeUndefined();
  });
});
