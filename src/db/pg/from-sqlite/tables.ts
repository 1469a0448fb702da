/**
 * What a move copies, read from the two schemas rather than listed by hand: every table of the server
 * desk in foreign-key order (parents first), with the columns it writes (generated ones left to the
 * server), the columns pointing at their own table (filled after the rows, so order never matters),
 * and the file's tables the server has no twin for (FTS5 tables and their shadow tables, sqlite_*,
 * the few SQLite-only helpers), which are skipped. Any other difference between the two is refused.
 */
import { sql, type Kysely } from 'kysely';
import { EXIT, fail } from '../../../errors.js';
import { VERSION_TABLE } from '../migrate.js';

/**
 * Server tables that are not copied: the version stamp, the search data rebuilt in bulk (./search.ts),
 * the summaries' changes waiting for COMMIT (empty once committed: pg/migrations/022), and the
 * attachments' bytes, filled from the files beside the desk file (store/desk-move.ts, pg/migrations/024).
 */
export const DERIVED_TABLES: readonly string[] = [
  VERSION_TABLE,
  'ticket_search',
  'ticket_words',
  'ticket_summary_changes',
  'attachment_blobs',
];
/** File tables with no server twin besides FTS5 and sqlite_* (release holds of the FTS5 index). */
const SQLITE_ONLY: readonly string[] = ['ticket_fts_hold'];
/** Tables `db init` seeds (defaults a moved desk replaces with its own): the only ones allowed rows before a move. */
export const SEEDED_TABLES: readonly string[] = ['sla_calendars', 'sla_policies', 'macros', 'change_counter', 'triage_state'];

export interface TablePlan {
  name: string;
  columns: string[];
  /** Columns referencing this same table (tickets.parent_id): inserted NULL, then set. */
  selfRefs: string[];
}

export interface MovePlan {
  tables: TablePlan[];
  skipped: string[];
}

type FileTables = Map<string, { virtual: boolean; columns: string[] }>;

export async function planMove(db: Kysely<unknown>, file: FileTables): Promise<MovePlan> {
  const { rows: cols } = await sql<{ table: string; column: string }>`
    SELECT c.relname AS "table", a.attname AS "column" FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'r' AND n.nspname = current_schema() AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    ORDER BY c.relname, a.attnum`.execute(db);
  const { rows: refs } = await sql<{ table: string; parent: string; column: string }>`
    SELECT c.relname AS "table", p.relname AS parent, a.attname AS "column" FROM pg_constraint k
      JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
    WHERE k.contype = 'f' AND n.nspname = current_schema()`.execute(db);
  const server = new Map<string, string[]>();
  for (const c of cols) if (!DERIVED_TABLES.includes(c.table)) server.set(c.table, [...(server.get(c.table) ?? []), c.column]);
  const skipped = [...file.keys()].filter((name) => !server.has(name) && !DERIVED_TABLES.includes(name));
  const unknown = skipped.filter((name) => !sqliteOnly(name, file));
  if (unknown.length) fail(EXIT.database, `the desk file has table(s) the server lacks: ${unknown.join(', ')}: nothing moved`);
  const tables = order(server, refs).map((name) => {
    const columns = server.get(name)!;
    const have = file.get(name)?.columns;
    if (!have) fail(EXIT.database, `the desk file lacks table ${name} the server has: nothing moved`);
    const odd = [...columns.filter((c) => !have.includes(c)), ...have.filter((c) => !columns.includes(c))];
    if (odd.length) fail(EXIT.database, `table ${name} differs between the file and the server (${odd.join(', ')}): nothing moved`);
    const selfRefs = refs.filter((r) => r.table === name && r.parent === name).map((r) => r.column);
    return { name, columns, selfRefs };
  });
  return { tables, skipped: skipped.sort() };
}

/** sqlite_*, FTS5 virtual tables, their shadow tables (`<vtab>_data`, `_idx`, …) and SQLITE_ONLY. */
function sqliteOnly(name: string, file: FileTables): boolean {
  if (name.startsWith('sqlite_') || SQLITE_ONLY.includes(name) || file.get(name)?.virtual) return true;
  return [...file].some(([vtab, t]) => t.virtual && name.startsWith(`${vtab}_`));
}

/** Tables parents first (Kahn's order, ties by name); a cycle between tables is refused. */
function order(tables: Map<string, string[]>, refs: readonly { table: string; parent: string }[]): string[] {
  const waiting = new Map([...tables.keys()].map((t) => [t, new Set<string>()]));
  for (const r of refs) if (r.table !== r.parent && waiting.has(r.table) && waiting.has(r.parent)) waiting.get(r.table)!.add(r.parent);
  const done: string[] = [];
  while (waiting.size) {
    const ready = [...waiting]
      .filter(([, parents]) => parents.size === 0)
      .map(([t]) => t)
      .sort();
    if (!ready.length) fail(EXIT.database, `foreign keys form a cycle between ${[...waiting.keys()].join(', ')}: cannot order the copy`);
    for (const t of ready) {
      waiting.delete(t);
      for (const parents of waiting.values()) parents.delete(t);
      done.push(t);
    }
  }
  return done;
}
