/** A logical snapshot of every table of a desk file, so WAL checkpoints can't hide or fake a change. */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

export function snapshot(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    // Real tables only (FTS shadow tables follow their content); rows sorted so no rowid is assumed.
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
      .all() as { name: string }[];
    const dump = tables.map((t) => [
      t.name,
      db
        .prepare(`SELECT * FROM "${t.name}"`)
        .all()
        .map((r) => JSON.stringify(r))
        .sort(),
    ]);
    return JSON.stringify([dump, db.pragma('user_version', { simple: true })]);
  } finally {
    db.close();
  }
}

/** The snapshot as a short hash (for tables of results). */
export const snapshotHash = (path: string): string => createHash('sha256').update(snapshot(path)).digest('hex').slice(0, 16);
