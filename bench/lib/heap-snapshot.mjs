// Sums a V8 heap snapshot (the .heapsnapshot JSON that v8.writeHeapSnapshot() writes) by what
// each node is, and by what holds it. The file is read whole and its number arrays scanned byte
// by byte into typed arrays (JSON.parse of a few hundred MB would need several GB of objects);
// only the string table goes through JSON.parse.
//
// Each node gets three keys, each summed (count and self_size):
// - `kind`: the class for JS objects (`Socket`, `Http1Connection`), the name for native and
//   system nodes (`system / Context`), and one bucket for closures, strings, arrays, numbers,
//   compiled code and object shapes (`(closure)`, `(string)`, `(array)` …): DevTools' "Constructor"
//   column;
// - `holder`, for the generic kinds (those buckets, and containers: Object, Array, Map, Set, a
//   closure's context): the kind and its owner, `(array) ← CookieJar.byDomain (in Map)`: the first
//   object up the node's dominator chain (DevTools' retainer tree: the object that alone keeps it
//   alive) past arrays, system nodes, containers and closures (a JS object's property and element
//   stores, a Map's table, a closure and its context are parts of whoever holds them). A node
//   kept alive by two owners is charged to what they share (often the roots: `(shared: …)`);
// - `charged`: the kind, or for a generic kind its owner's: what each class costs with all it holds.
import { readFileSync } from 'node:fs';

// Containers: what they hold is charged to whoever holds them.
const CONTAINERS = new Set(['Object', 'Array', 'Map', 'Set', 'WeakMap', 'WeakSet', 'system / Context', 'system / PropertyArray']);
/** Kinds named by what they are, not whose they are: summed by holder and charged to the owner. */
const isGeneric = (kind) => kind.startsWith('(') || CONTAINERS.has(kind);
const STRING_TYPES = new Set(['string', 'concatenated string', 'sliced string']);
const BUCKETS = { number: '(heap number)', code: '(compiled code)', 'object shape': '(object shape)', regexp: '(regexp)', symbol: '(symbol)', bigint: '(bigint)' };
// Walking up passes these: they are parts of their owner (a hidden class, a backing store).
const PART_TYPES = new Set(['array', 'hidden', 'object shape', 'code']);
const MAX_HOPS = 60;

/** Integers from `from` up to the closing bracket, into `size` slots. */
function readInts(buf, from, size) {
  const out = new Uint32Array(size);
  let n = 0;
  let value = 0;
  let inNumber = false;
  let i = from;
  for (; i < buf.length; i++) {
    const c = buf[i];
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      inNumber = true;
      continue;
    }
    if (inNumber) {
      out[n++] = value;
      value = 0;
      inNumber = false;
    }
    if (c === 93) break; // ]
  }
  if (n !== size) throw new Error(`heap snapshot: expected ${size} numbers, read ${n}`);
  return { values: out, end: i + 1 };
}

export function readHeapSnapshot(path) {
  const buf = readFileSync(path);
  const nodesAt = buf.indexOf('"nodes":[');
  const header = buf.toString('utf8', 0, nodesAt).replace(/,\s*$/, '');
  const { snapshot } = JSON.parse(`${header}}`);
  const meta = snapshot.meta;
  const nodeFields = meta.node_fields.length;
  const edgeFields = meta.edge_fields.length;
  const nodes = readInts(buf, nodesAt + 9, snapshot.node_count * nodeFields);
  const edgesAt = buf.indexOf('"edges":[', nodes.end);
  const edges = readInts(buf, edgesAt + 9, snapshot.edge_count * edgeFields);
  const stringsAt = buf.indexOf('"strings":[', edges.end);
  const strings = JSON.parse(buf.toString('utf8', stringsAt + 10, buf.lastIndexOf(']') + 1));
  return { meta, nodeFields, edgeFields, nodes: nodes.values, edges: edges.values, strings };
}

/** Each node's first edge (an index into `edges`), and the end of the last node's. */
function edgeOffsets(s, field) {
  const count = s.nodes.length / s.nodeFields;
  const first = new Uint32Array(count + 1);
  for (let n = 0; n < count; n++) first[n + 1] = first[n] + s.nodes[n * s.nodeFields + field.edge_count] * s.edgeFields;
  return first;
}

/** The nodes reachable from the root over strong edges, numbered in depth-first post-order. */
function postOrder(s, firstEdge, isStrong, target) {
  const count = firstEdge.length - 1;
  const post = new Int32Array(count).fill(-1);
  const order = new Uint32Array(count);
  const seen = new Uint8Array(count);
  const stack = new Uint32Array(count);
  const cursor = firstEdge.slice(0, count);
  let depth = 0;
  let numbered = 0;
  stack[depth++] = 0;
  seen[0] = 1;
  while (depth > 0) {
    const n = stack[depth - 1];
    let next = -1;
    while (cursor[n] < firstEdge[n + 1] && next === -1) {
      const e = cursor[n];
      cursor[n] += s.edgeFields;
      if (isStrong(e) && seen[target(e)] === 0) next = target(e);
    }
    if (next === -1) {
      depth--;
      post[n] = numbered;
      order[numbered++] = n;
    } else {
      seen[next] = 1;
      stack[depth++] = next;
    }
  }
  return { post, order, reachable: numbered };
}

/**
 * Each node's immediate dominator (the node every path from the root to it passes through last):
 * Cooper, Harvey and Kennedy's iterative algorithm over post-order numbers, as DevTools computes
 * retained sizes. Returns node → dominator node (-1: unreachable; the root dominates itself).
 */
function dominators(s, field, edgeField) {
  const edgeTypes = s.meta.edge_types[0];
  const weak = edgeTypes.indexOf('weak');
  const shortcut = edgeTypes.indexOf('shortcut');
  const isStrong = (e) => s.edges[e + edgeField.type] !== weak && s.edges[e + edgeField.type] !== shortcut;
  const target = (e) => s.edges[e + edgeField.to_node] / s.nodeFields;
  const firstEdge = edgeOffsets(s, field);
  const { post, order, reachable } = postOrder(s, firstEdge, isStrong, target);
  // Predecessors by post-order number, as offsets into one array.
  const predStart = new Uint32Array(reachable + 1);
  const forEachStrongEdge = (fn) => {
    for (let i = 0; i < reachable; i++) {
      const n = order[i];
      for (let e = firstEdge[n]; e < firstEdge[n + 1]; e += s.edgeFields) if (isStrong(e)) fn(i, post[target(e)]);
    }
  };
  forEachStrongEdge((_, to) => predStart[to + 1]++);
  for (let i = 0; i < reachable; i++) predStart[i + 1] += predStart[i];
  const preds = new Uint32Array(predStart[reachable]);
  const filled = predStart.slice(0, reachable);
  forEachStrongEdge((from, to) => (preds[filled[to]++] = from));
  const idom = new Int32Array(reachable).fill(-1);
  const root = reachable - 1;
  idom[root] = root;
  const intersect = (a, b) => {
    while (a !== b) {
      while (a < b) a = idom[a];
      while (b < a) b = idom[b];
    }
    return a;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = root - 1; i >= 0; i--) {
      let dom = -1;
      for (let p = predStart[i]; p < predStart[i + 1]; p++) {
        const pred = preds[p];
        if (idom[pred] !== -1) dom = dom === -1 ? pred : intersect(pred, dom);
      }
      if (dom !== idom[i]) {
        idom[i] = dom;
        changed = true;
      }
    }
  }
  const dominator = new Int32Array(post.length).fill(-1);
  for (let i = 0; i < reachable; i++) dominator[order[i]] = order[idom[i]];
  return { dominator, firstEdge };
}

function indexOf(names) {
  return Object.fromEntries(names.map((name, i) => [name, i]));
}

function add(map, key, bytes) {
  const entry = map.get(key);
  if (entry === undefined) map.set(key, { count: 1, bytes });
  else {
    entry.count += 1;
    entry.bytes += bytes;
  }
}

/**
 * The node's owner: up its dominators, through parts and containers, to the first other object.
 * The label names the owner's edge to the next node down when there is one (`CookieJar.byDomain`).
 */
function ownerOf(n, dominator, firstEdge, look) {
  const containers = [];
  let below = n;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const up = dominator[below];
    if (up === -1) return { owner: '(unreachable)', label: '(unreachable)' };
    const type = look.typeOf(up);
    if (type === 'code') return { owner: '(code)', label: '(compiled code, scripts)' };
    if (type === 'synthetic') return { owner: '(roots)', label: `(shared: ${look.nameOf(up) || 'the roots'})` };
    const kind = look.kindOf(up);
    if (PART_TYPES.has(type) || CONTAINERS.has(kind) || type === 'closure') {
      if (CONTAINERS.has(kind) || type === 'closure') containers.push(kind);
      below = up;
      continue;
    }
    const seen = [...new Set(containers)].slice(-2);
    const edge = look.edgeTo(up, below, firstEdge);
    return { owner: kind, label: `${kind}${edge === null ? '' : `.${edge}`}${seen.length > 0 ? ` (in ${seen.join(' in ')})` : ''}` };
  }
  return { owner: '(deep)', label: `(over ${MAX_HOPS} containers deep)` };
}

/**
 * The snapshot summed three ways (see the file's comment), each a Map of key → { count, bytes }:
 * `{ kind, holder, charged, totalBytes, nodeCount }`.
 */
export function summarizeHeapSnapshot(path) {
  const s = readHeapSnapshot(path);
  const field = indexOf(s.meta.node_fields);
  const edgeField = indexOf(s.meta.edge_fields);
  const nodeTypes = s.meta.node_types[0];
  const edgeTypes = s.meta.edge_types[0];
  const { dominator, firstEdge } = dominators(s, field, edgeField);
  const look = {
    typeOf: (n) => nodeTypes[s.nodes[n * s.nodeFields + field.type]],
    nameOf: (n) => s.strings[s.nodes[n * s.nodeFields + field.name]],
    kindOf: (n) => {
      const type = look.typeOf(n);
      if (type === 'closure') return '(closure)';
      if (type === 'array') return '(array)';
      if (STRING_TYPES.has(type)) return '(string)';
      return BUCKETS[type] ?? (look.nameOf(n) || `(${type})`);
    },
    edgeName: (e) => {
      const type = edgeTypes[s.edges[e + edgeField.type]];
      if (type === 'element' || type === 'hidden') return '[]';
      return String(s.strings[s.edges[e + edgeField.name_or_index]]);
    },
    edgeTo: (from, to, offsets) => {
      for (let e = offsets[from]; e < offsets[from + 1]; e += s.edgeFields) {
        if (s.edges[e + edgeField.to_node] === to * s.nodeFields) return look.edgeName(e);
      }
      return null;
    },
  };
  const sums = { kind: new Map(), holder: new Map(), charged: new Map() };
  let totalBytes = 0;
  const count = s.nodes.length / s.nodeFields;
  for (let n = 0; n < count; n++) {
    const bytes = s.nodes[n * s.nodeFields + field.self_size];
    if (bytes === 0) continue;
    totalBytes += bytes;
    const kind = look.kindOf(n);
    add(sums.kind, kind, bytes);
    if (!isGeneric(kind)) {
      add(sums.charged, kind, bytes);
      continue;
    }
    const { owner, label } = ownerOf(n, dominator, firstEdge, look);
    add(sums.holder, `${kind} ← ${label}`, bytes);
    add(sums.charged, isGeneric(owner) ? kind : owner, bytes);
  }
  return { ...sums, totalBytes, nodeCount: count };
}
