/**
 * Looking after the desk file as a whole: a verified online backup, and the health check behind
 * `deskline db check` (integrity, references, the audit chain). The faces call these; only the
 * store touches the raw connection.
 */
import { backupTo, connectionProblems } from '../db/backup.js';
import { clearCorrupt, markCorrupt } from '../db/corrupt.js';
import { isMemoryPath } from '../db/file.js';
import { describeChainProblem } from '../domain/audit-chain.js';
import { auditChainProblems } from './audit-chain.js';
import type { Desk } from './desk.js';
import { rawSqlite } from './sqlite-raw.js';

/** Copies the live desk to `dest` (0600, folders 0700) with SQLite's backup API and checks the copy. */
export async function backupDesk(desk: Desk, dest: string): Promise<void> {
  await backupTo(rawSqlite(desk), dest);
}

export interface DeskHealth {
  /** Damage to the file itself (integrity_check); while there is any, writes are refused. */
  integrity: string[];
  /** Rows pointing at rows that are not there. */
  references: string[];
  /** Audit events edited, inserted or missing behind Deskline's back. */
  audit: string[];
}

/**
 * Checks the file, then (when it is sound enough to read) its references and audit chain. Damage
 * marks the desk corrupt, refusing writes; a sound file lifts an earlier mark.
 */
export async function checkDesk(desk: Desk): Promise<DeskHealth> {
  const sqlite = rawSqlite(desk);
  const integrity = connectionProblems(sqlite);
  const memory = isMemoryPath(desk.path);
  if (integrity.length > 0) {
    if (!memory) markCorrupt(desk.path, integrity[0]!);
    return { integrity, references: [], audit: [] };
  }
  if (!memory) clearCorrupt(desk.path);
  const keys = sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  return {
    integrity,
    references: keys.map((k) => `${k.table} row ${k.rowid} points at a missing ${k.parent}`),
    audit: auditChainProblems(sqlite).map(describeChainProblem),
  };
}
