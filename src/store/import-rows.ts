/**
 * Writes the rows of Deskline's own export (`export jsonl`) back, by the table specs of
 * ./import-row-tables.ts: columns checked against the live table, ids kept when free (so an export
 * read into an empty desk is the same desk, id for id), references mapped to the ids written, rows
 * already present matched and skipped, a skipped ticket's timeline skipped with it. Audit events are
 * chained anew on this desk's trail (the same hashes on an empty desk).
 */
import type { AuditContent } from '../domain/audit-chain.js';
import { sessionAudit } from './audit-append.js';
import { sha256 } from './attachment-files.js';
import { RecordProblem } from './import-problem.js';
import { ROW_TABLE, type RowTable } from './import-row-tables.js';
import type { WriterContext } from './import-tickets.js';
import type { ImportRowIn, Outcome } from './import-types.js';
import { isRecordError, SQL_WORDS } from './write-session.js';

type Row = Record<string, unknown>;
export interface RowResult {
  outcome: Outcome;
  ref: string;
  title: string;
}

export function rowWriter(w: WriterContext): (item: ImportRowIn) => Promise<RowResult> {
  const { session } = w;
  const same = SQL_WORDS[session.dialect].same;
  const columnsOf = memo((table: string) => session.columns(table));
  const idMap = new Map<string, Map<number, number>>();
  const created = new Map<string, Set<number>>();
  const mapOf = <K, V>(m: Map<string, Map<K, V> | Set<K>>, t: string, make: () => Map<K, V> | Set<K>) =>
    m.get(t) ?? m.set(t, make()).get(t)!;
  const ids = (t: string) => mapOf(idMap, t, () => new Map()) as Map<number, number>;
  const made = (t: string) => mapOf(created as Map<string, Set<number>>, t, () => new Set()) as Set<number>;

  return async (item) => {
    const spec = ROW_TABLE.get(item.table);
    if (!spec) throw new RecordProblem(item.place, 'table', `'${item.table}' is not a table of a Deskline export`);
    const row = checkColumns(item, spec, await columnsOf(spec.table));
    const data = spec.table === 'attachments' ? attachmentData(item) : null;
    const oldId = typeof row.id === 'number' ? row.id : null;
    const label = { ref: spec.label?.ref(row) ?? '', title: spec.label?.title ? String(row[spec.label.title] ?? '') : '' };

    // A row of a parent that was not written in this run (it was there already) is there already too.
    if (spec.owner && row[spec.owner] !== null) {
      const parent = spec.refs![spec.owner]!;
      const parentOld = Number(row[spec.owner]);
      if (!ids(parent).has(parentOld)) throw new RecordProblem(item.place, spec.owner, `no ${parent} row ${parentOld} earlier in the file`);
      if (!made(parent).has(parentOld)) return { outcome: 'skipped', ...label };
    }
    for (const [column, table] of Object.entries(spec.refs ?? {})) {
      if (row[column] === null || row[column] === undefined) continue;
      const mapped = ids(table).get(Number(row[column]));
      if (mapped === undefined) throw new RecordProblem(item.place, column, `no ${table} row ${String(row[column])} earlier in the file`);
      row[column] = mapped;
    }
    const ownRow = spec.owner && row[spec.owner] !== null;
    const key = ownRow ? undefined : spec.key?.(row);
    const found = key ? await findRow(spec, key, row) : undefined;
    if (found) {
      if (oldId !== null) ids(spec.table).set(oldId, found.id);
      if (!spec.replace || !differs(spec, found.row, row)) return { outcome: 'skipped', ...label };
      await updateRow(spec, row, key!);
      if (spec.table === 'tickets') w.touched.add(found.id);
      return { outcome: 'updated', ...label };
    }
    if (data) {
      if (sha256(data) !== row.sha256) throw new RecordProblem(item.place, 'data', 'does not match its sha256');
      w.blobs().put(data);
    }
    const newId = await insertRow(spec, row, item.place);
    if (oldId !== null) {
      ids(spec.table).set(oldId, newId);
      made(spec.table).add(oldId);
    }
    if (spec.table === 'tickets') w.touched.add(newId);
    if (spec.table === 'interactions' && typeof row.ticket_id === 'number') w.touched.add(row.ticket_id);
    w.counts[spec.table] = (w.counts[spec.table] ?? 0) + 1;
    return { outcome: 'created', ...label };
  };

  async function findRow(spec: RowTable, key: readonly string[], row: Row): Promise<{ id: number; row: Row } | undefined> {
    // A table without an id of its own (some are WITHOUT ROWID) is only ever matched, never referred to.
    const idColumn = spec.noId ? '0' : 'id';
    const where = key.map((k) => `"${k}" ${same} ?`).join(' AND ');
    const found = await session.get<Row & { __id: number }>(
      `SELECT ${idColumn} AS __id, * FROM "${spec.table}" WHERE ${where} LIMIT 1`,
      ...key.map((k) => row[k]),
    );
    return found && { id: found.__id, row: found };
  }

  function differs(spec: RowTable, stored: Row, row: Row): boolean {
    return Object.keys(row).some((k) => k !== 'id' && stored[k] !== row[k]);
  }

  async function updateRow(spec: RowTable, row: Row, key: readonly string[]): Promise<void> {
    const set = Object.keys(row).filter((k) => k !== 'id' && !key.includes(k));
    await session.run(
      `UPDATE "${spec.table}" SET ${set.map((k) => `"${k}" = ?`).join(', ')} WHERE ${key.map((k) => `"${k}" ${same} ?`).join(' AND ')}`,
      ...set.map((k) => row[k]),
      ...key.map((k) => row[k]),
    );
  }

  async function insertRow(spec: RowTable, row: Row, place: string): Promise<number> {
    const out: Row = { ...row };
    if (spec.noId || !(await idIsFree(spec.table, out.id))) delete out.id;
    else w.explicitIds?.add(spec.table);
    if (spec.table === 'audit_events') Object.assign(out, await sessionAudit(session).chain(out as unknown as AuditContent));
    const columns = Object.keys(out);
    try {
      const text = `INSERT INTO "${spec.table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
      const values = columns.map((c) => out[c]);
      if (spec.noId) return (await session.run(text, ...values)) && 0;
      const id = await session.insert(text, ...values);
      if (spec.table === 'audit_events') sessionAudit(session).inserted(id);
      return id;
    } catch (error) {
      const message = (error as Error).message;
      if (isRecordError(error)) throw new RecordProblem(place, null, message);
      throw error;
    }
  }

  async function idIsFree(table: string, id: unknown): Promise<boolean> {
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) return false;
    // Audit events keep their id only past the trail's end: the chain runs in id order.
    if (table === 'audit_events') return id > ((await session.value<number>('SELECT coalesce(max(id), 0) FROM audit_events')) ?? 0);
    return (await session.get(`SELECT 1 FROM "${table}" WHERE id = ?`, id)) === undefined;
  }
}

function checkColumns(item: ImportRowIn, spec: RowTable, columns: ReadonlySet<string>): Row {
  const row: Row = {};
  for (const [column, value] of Object.entries(item.row)) {
    if (column === 'data' && spec.table === 'attachments') continue;
    if (!columns.has(column) || column === 'digest' || column === 'chain') {
      if (column === 'digest' || column === 'chain') continue;
      throw new RecordProblem(item.place, column, `${spec.table} has no such column`);
    }
    if (value !== null && typeof value !== 'string' && typeof value !== 'number') {
      throw new RecordProblem(item.place, column, 'must be text, a number or null');
    }
    const allowed = spec.enums?.[column];
    if (allowed && !allowed.includes(value as string)) throw new RecordProblem(item.place, column, `must be one of ${allowed.join(', ')}`);
    row[column] = value;
  }
  return row;
}

function attachmentData(item: ImportRowIn): Uint8Array {
  const data = item.row.data;
  if (typeof data !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(data))
    throw new RecordProblem(item.place, 'data', 'must be the file as base64');
  return Buffer.from(data, 'base64');
}

function memo<T>(make: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => cache.get(key) ?? cache.set(key, make(key)).get(key)!;
}
