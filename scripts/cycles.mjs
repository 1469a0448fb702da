// Import cycles among src/ (relative imports, type-only ones included): prints each and exits 1 when any.
// Part of `npm run lint`: the layers (scripts/layers.js) say who may import whom, this says nobody
// imports back in a ring, within a layer too.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'src');
const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/gm;

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return files(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

const graph = new Map();
for (const file of files(root)) {
  const deps = [];
  for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    const base = resolve(dirname(file), m[1]).replace(/\.js$/, '');
    const hit = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((c) => existsSync(c));
    if (hit) deps.push(hit);
  }
  graph.set(file, deps);
}

// Tarjan's strongly connected components: each component of more than one file is a cycle.
let next = 0;
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
function visit(v) {
  index.set(v, next);
  low.set(v, next++);
  stack.push(v);
  onStack.add(v);
  for (const w of graph.get(v) ?? []) {
    if (!index.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
  }
  if (low.get(v) !== index.get(v)) return;
  const component = [];
  let w;
  do {
    w = stack.pop();
    onStack.delete(w);
    component.push(w);
  } while (w !== v);
  if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component);
}
for (const file of graph.keys()) if (!index.has(file)) visit(file);

for (const c of cycles) console.error(`import cycle of ${c.length}: ${c.map((f) => relative(root, f)).join(' → ')}`);
if (cycles.length) console.error(`${cycles.length} import cycle(s) among ${graph.size} files in ${relative(process.cwd(), root) || '.'}`);
process.exit(cycles.length ? 1 : 0);
