/**
 * npm run bench [-- [--quick] [--node PATH] [scenario …]]
 * Runs every scenario in bench/scenarios/ (or those named), prints one table row per measurement
 * and "N of M targets met", and writes bench/results.json. A missed target is reported, not an
 * error (exit 0); a scenario that crashes, or an unknown name, exits 1.
 * --node PATH runs the bench, and so every process it times, on that Node binary; node_modules'
 * better-sqlite3 must be built for it (.ci/other-node makes such a copy of the checkout).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DIST } from './lib/env.js';
import { loadWarning, results, summaryLine, table } from './lib/report.js';
import type { Scenario } from './lib/scenario.js';
import { summarise, type Row } from './lib/stats.js';

const SCENARIOS = fileURLToPath(new URL('./scenarios/', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results.json', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Runs this bench again on `node` with the other arguments; its exit code, or a one-line reason. */
function onOtherNode(node: string, argv: string[]): number {
  const addon = spawnSync(node, ['-e', "require('better-sqlite3')(':memory:').close()"], { cwd: ROOT, encoding: 'utf8' });
  if (addon.error || addon.status !== 0) {
    const abi = /requires\s+NODE_MODULE_VERSION \d+/.exec(addon.stderr ?? '')?.[0].replace(/\s+/g, ' ');
    const why = addon.error?.message ?? (abi ? `built for another Node; it ${abi}` : /^\w*Error: .*$/m.exec(addon.stderr)?.[0]);
    process.stderr.write(`bench: --node ${node}: node_modules' better-sqlite3 does not load there (${why}); see .ci/other-node\n`);
    return 1;
  }
  const run = spawnSync(node, ['--import', 'tsx', fileURLToPath(import.meta.url), ...argv], { cwd: ROOT, stdio: 'inherit' });
  return run.status ?? 1;
}

function isScenario(value: unknown): value is Scenario {
  const v = value as Scenario | undefined;
  return typeof v?.name === 'string' && typeof v.run === 'function';
}

interface Loaded {
  file: string;
  scenario: Scenario;
}

/**
 * Scenario files and their exported Scenarios ({ name, run }; usually the default export). Names on
 * the command line match a file name or a scenario name; when each names a file, only those files
 * are imported, so a scenario still being written elsewhere cannot break the others.
 */
async function load(wanted: readonly string[], errors: string[]): Promise<Loaded[]> {
  const files = readdirSync(SCENARIOS)
    .filter((f) => /\.(ts|mts|js|mjs)$/.test(f) && !f.endsWith('.d.ts'))
    .sort();
  const stem = (f: string) => basename(f).replace(/\.\w+$/, '');
  const byFile = wanted.length > 0 && wanted.every((w) => files.some((f) => stem(f) === w));
  const found: Loaded[] = [];
  for (const file of byFile ? files.filter((f) => wanted.includes(stem(f))) : files) {
    try {
      const mod = (await import(pathToFileURL(`${SCENARIOS}${file}`).href)) as Record<string, unknown>;
      const exported = [...new Set(Object.values(mod))].filter(isScenario);
      if (exported.length === 0) throw new Error('exports no Scenario ({ name, run })');
      for (const scenario of exported) found.push({ file: stem(file), scenario });
    } catch (error) {
      errors.push(`bench/scenarios/${file}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  return found;
}

async function main(argv: string[]): Promise<number> {
  const at = argv.indexOf('--node');
  if (at >= 0) {
    const node = argv[at + 1];
    if (!node || node.startsWith('--')) {
      process.stderr.write('bench: --node needs the path of a node binary\n');
      return 1;
    }
    return onOtherNode(node, [...argv.slice(0, at), ...argv.slice(at + 2)]);
  }
  process.stderr.write(`bench: Node ${process.version} (${process.execPath})\n`);
  const quick = argv.includes('--quick');
  const wanted = argv.filter((a) => !a.startsWith('--'));
  if (!existsSync(DIST)) {
    process.stderr.write('bench: dist/cli.mjs is missing: run `npm run bench` (it builds) or `node scripts/build.mjs`\n');
    return 1;
  }
  const errors: string[] = [];
  const all = await load(wanted, errors);
  for (const e of errors) process.stderr.write(`bench: ${e}\n`);
  const chosen = wanted.length ? all.filter((s) => wanted.includes(s.file) || wanted.includes(s.scenario.name)) : all;
  const unknown = wanted.filter((w) => !all.some((s) => s.file === w || s.scenario.name === w));
  if (unknown.length) {
    process.stderr.write(`bench: no scenario named ${unknown.join(', ')} (have: ${all.map((s) => s.scenario.name).join(', ')})\n`);
    return 1;
  }

  const rows: Row[] = [];
  const busy = loadWarning();
  if (busy) process.stderr.write(`bench: ${busy}\n`);
  for (const { scenario } of chosen) {
    process.stderr.write(`bench: ${scenario.name}${quick ? ' (quick)' : ''} …\n`);
    try {
      for (const m of await scenario.run({ quick })) rows.push(summarise(scenario.name, m));
    } catch (error) {
      errors.push(`${scenario.name}: ${(error as Error).message}`);
      process.stderr.write(`bench: ${scenario.name} failed: ${(error as Error).message}\n`);
    }
  }

  const after = loadWarning();
  process.stdout.write(`\n${table(rows)}\n\n${summaryLine(rows)}${errors.length ? `; ${errors.length} scenario(s) failed` : ''}\n`);
  if (after) process.stdout.write(`${after}\n`);
  const round = (_key: string, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1000) / 1000 : v);
  writeFileSync(RESULTS, `${JSON.stringify(results(rows, { quick, errors }), round, 2)}\n`);
  process.stdout.write(`wrote ${RESULTS}\n`);
  return errors.length ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
