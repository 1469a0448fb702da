/**
 * `npm run stress`: the proof in figures (issue 14). Concurrency, SIGKILL during writes and during
 * migrations, the bad-input corpus and the sanitiser's property cases; prints a table and writes it into
 * the README between the stress markers. `--small` runs the counts `npm test` uses, without the README.
 * `--pg [URL]` (or `--db postgres://…`) runs the concurrency stress against a PostgreSQL server
 * instead, in a database of its own that is dropped after (./concurrency-pg.ts): 20 processes × 1,000
 * operations (`--small`: 4 × 100); the table is printed, the README left alone. With it, and alone with
 * `--sync [URL]`, the sync fault stress (./sync-faults.ts): 50 rounds of a laptop's `deskline sync`
 * killed (SIGKILL) or cut off mid-push, then run again (`--small`: 4 rounds).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { badInputs } from './bad-inputs.js';
import { BIN, bundleWorker } from './bundle.js';
import { concurrency } from './concurrency.js';
import { concurrencyPg, PG_SERVER } from './concurrency-pg.js';
import { killsDuringMigrations, killsDuringWrites } from './kills.js';
import { sanitiserCases } from './sanitiser.js';
import { syncFaults } from './sync-faults.js';

export const FULL = { processes: 8, ops: 1000, writeKills: 200, migrationKills: 50, sanitiser: 100_000 };
export const FULL_PG = { processes: 20, ops: 1000, syncRounds: 50 };

export interface Row {
  what: string;
  measure: string;
  value: number;
  mustBeZero: boolean;
}

export async function stress(sizes: typeof FULL, log: (line: string) => void = () => {}): Promise<{ rows: Row[]; details: string[] }> {
  const worker = await bundleWorker();
  const rows: Row[] = [];
  const details: string[] = [];
  const row = (what: string, measure: string, value: number, mustBeZero = true) => {
    rows.push({ what, measure, value, mustBeZero });
    log(`${what}: ${measure} = ${value}`);
  };

  const c = await concurrency(worker, sizes.processes, sizes.ops);
  const what = `${c.processes} processes × ${sizes.ops} mixed operations`;
  row(what, 'operations run', c.operations, false);
  row(what, 'lost updates (compare-and-set on 4 hot tickets)', c.lostUpdates);
  row(what, 'acknowledged writes lost', c.lostWrites);
  row(what, 'BUSY errors surfaced', c.busy);
  row(what, 'other errors', c.otherErrors.length);
  details.push(...c.busyWhere.map((b) => `BUSY during ${b}`), ...c.otherErrors.map((e) => `error: ${e}`));

  const w = await killsDuringWrites(worker, sizes.writeKills);
  row(`${w.rounds} SIGKILLs during writes`, 'acknowledged writes', w.acknowledged, false);
  row(`${w.rounds} SIGKILLs during writes`, 'acknowledged writes lost', w.lost);
  row(`${w.rounds} SIGKILLs during writes`, 'desks failing integrity_check', w.damaged);

  const m = await killsDuringMigrations(BIN, sizes.migrationKills);
  row(`${m.rounds} SIGKILLs during migrations`, 'tickets in the old desk, summed', m.acknowledged, false);
  row(`${m.rounds} SIGKILLs during migrations`, 'tickets lost', m.lost);
  row(`${m.rounds} SIGKILLs during migrations`, 'desks that did not open or failed integrity_check', m.damaged);

  const b = badInputs(BIN);
  const label = `bad inputs (fixtures/bad/corpus.ts, ${b.commands} commands)`;
  row(label, 'cases', b.cases, false);
  row(label, 'wrong exit code', b.wrongCode.length);
  row(label, 'not one line on stderr', b.notOneLine.length);
  row(label, 'changed the database', b.changedDesk.length);
  details.push(...b.wrongCode, ...b.notOneLine, ...b.changedDesk.map((n) => `changed the desk: ${n}`));

  const s = sanitiserCases(sizes.sanitiser);
  row('sanitiser (fast-check)', 'cases', s.cases, false);
  row('sanitiser (fast-check)', 'failing properties', s.failures);
  return { rows, details };
}

/** The concurrency stress on a PostgreSQL server, as rows of the same table. */
export async function stressPg(
  server: string,
  sizes: typeof FULL_PG,
  log: (line: string) => void = () => {},
): Promise<{ rows: Row[]; details: string[] }> {
  const sync = await stressSync(server, sizes.syncRounds, log);
  const c = await concurrencyPg(await bundleWorker(), server, sizes.processes, sizes.ops);
  const what = `PostgreSQL: ${c.processes} processes × ${sizes.ops} mixed operations (${Math.round(c.seconds)} s)`;
  const rows: Row[] = [
    { what, measure: 'operations run', value: c.operations, mustBeZero: false },
    { what, measure: 'tickets on the desk after', value: c.tickets, mustBeZero: false },
    { what, measure: 'lost updates (compare-and-set on 4 hot tickets)', value: c.lostUpdates, mustBeZero: true },
    { what, measure: 'acknowledged writes lost', value: c.lostWrites, mustBeZero: true },
    { what, measure: 'serialisation failures or deadlocks surfaced', value: c.busy, mustBeZero: true },
    { what, measure: 'integrity queries finding something', value: c.integrity.length, mustBeZero: true },
    { what, measure: 'other errors', value: c.otherErrors.length, mustBeZero: true },
  ];
  for (const r of rows) log(`${r.what}: ${r.measure} = ${r.value}`);
  return {
    rows: [...rows, ...sync.rows],
    details: [...c.busyWhere, ...c.integrity, ...c.otherErrors.map((e) => `error: ${e}`), ...sync.details],
  };
}

/** The sync fault stress (./sync-faults.ts) as rows of the same table. */
export async function stressSync(server: string, rounds: number, log: (line: string) => void): Promise<{ rows: Row[]; details: string[] }> {
  const f = await syncFaults(BIN, server, rounds, 22, log);
  const what = `sync: ${f.rounds} rounds, ${f.kills} SIGKILLs + ${f.cuts} connections cut mid-push (${Math.round(f.seconds)} s)`;
  const rows: Row[] = [
    { what, measure: 'operations made on the laptop', value: f.operations, mustBeZero: false },
    { what, measure: 'faulted runs that finished first', value: f.finished, mustBeZero: false },
    { what, measure: 'operations lost', value: f.lost, mustBeZero: true },
    { what, measure: 'tickets or entries applied twice', value: f.doubled, mustBeZero: true },
    { what, measure: 'rounds ending with replica ≠ server', value: f.unequal, mustBeZero: true },
    { what, measure: 'errors', value: f.errors.length, mustBeZero: true },
  ];
  for (const r of rows) log(`${r.what}: ${r.measure} = ${r.value}`);
  return { rows, details: f.errors };
}

export function formatTable(rows: readonly Row[]): string {
  const lines = ['| scenario | measure | result |', '|---|---|---:|'];
  for (const r of rows)
    lines.push(`| ${r.what} | ${r.measure} | ${r.value.toLocaleString('en-US')}${r.mustBeZero ? (r.value === 0 ? ' ✓' : ' ✗') : ''} |`);
  return lines.join('\n');
}

const BEGIN = '<!-- stress:begin (npm run stress writes this table) -->';
const END = '<!-- stress:end -->';

function writeReadme(table: string): void {
  const path = fileURLToPath(new URL('../../README.md', import.meta.url));
  const readme = readFileSync(path, 'utf8');
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error('README.md has no stress markers');
  const stamp = `Measured ${new Date().toISOString().slice(0, 10)} on Node ${process.versions.node}.`;
  writeFileSync(path, `${readme.slice(0, start + BEGIN.length)}\n${table}\n\n${stamp}\n${readme.slice(end)}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const argv = process.argv.slice(2);
  const small = argv.includes('--small');
  const at = argv.findIndex((a) => a === '--pg' || a === '--db' || a === '--sync');
  const server =
    at >= 0 && /^postgres(ql)?:\/\//i.test(argv[at + 1] ?? '') ? argv[at + 1]! : at >= 0 && argv[at] !== '--db' ? PG_SERVER : null;
  const syncOnly = argv.includes('--sync');
  if (at >= 0 && !server) throw new Error('--db takes a postgres:// URL (the stress makes its own database there)');
  const sizes = small ? { processes: 4, ops: 60, writeKills: 5, migrationKills: 3, sanitiser: 2000 } : FULL;
  const log = (l: string) => process.stderr.write(`${l}\n`);
  const pgSizes = small ? { processes: 4, ops: 100, syncRounds: 4 } : FULL_PG;
  const onServer = (url: string) => (syncOnly ? stressSync(url, pgSizes.syncRounds, log) : stressPg(url, pgSizes, log));
  const { rows, details } = server ? await onServer(server) : await stress(sizes, log);
  const table = formatTable(rows);
  process.stdout.write(`${table}\n`);
  for (const d of details) process.stdout.write(`  ${d}\n`);
  if (!small && !server) writeReadme(table);
  process.exitCode = rows.some((r) => r.mustBeZero && r.value !== 0) ? 1 : 0;
}
