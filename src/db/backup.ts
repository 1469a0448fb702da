/** Online backups (SQLite's backup API, WAL-safe), verified and private, with rotation. */
import type Database from 'better-sqlite3';
import { connect, isCorruptionError } from './sqlite.js';
import { chmodSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { EXIT, fail, isDesklineError } from '../errors.js';
import { createPrivateFile, describeFileError, kindOf, makePrivateFolder } from '../private-files.js';

export const KEEP_BACKUPS = 5;

/** Copies a live database to `dest` (0600) and checks the copy's integrity. */
export async function backupTo(source: Database.Database, dest: string): Promise<void> {
  try {
    if (kindOf(dest) !== 'missing') fail(EXIT.conflict, `${dest} already exists: choose a new file name`);
    makePrivateFolder(dirname(dest));
    createPrivateFile(dest);
  } catch (error) {
    if (isDesklineError(error)) throw error;
    fail(EXIT.database, `cannot write backup ${dest}: ${describeFileError(error, dest)}`);
  }
  await source.backup(dest);
  // The copy inherits WAL mode from its header; switch it to a plain single file, or every read-only
  // open (the integrity check below, a restore test) leaves -wal/-shm files beside it.
  const copy = connect(dest, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  chmodSync(dest, 0o600);
  const problems = integrityProblems(dest);
  if (problems.length > 0) fail(EXIT.database, `backup ${dest} failed its integrity check: ${problems[0]}`);
}

/** `PRAGMA integrity_check` on a file opened read-only: [] when sound. */
export function integrityProblems(path: string): string[] {
  const copy = connect(path, { readonly: true, fileMustExist: true });
  try {
    return connectionProblems(copy);
  } finally {
    copy.close();
  }
}

/**
 * `PRAGMA integrity_check` on an open connection: [] when sound. A file too damaged for the check
 * to run (SQLITE_CORRUPT, SQLITE_NOTADB) is one problem, not a crash.
 */
export function connectionProblems(sqlite: Database.Database): string[] {
  try {
    const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
  } catch (error) {
    if (isCorruptionError(error)) return [(error as Error).message];
    throw error;
  }
}

/** Where automatic pre-migration backups of `dbPath` go. */
export function backupFolder(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

/** Backs up `dbPath` before a migration from `version`, keeping the newest KEEP_BACKUPS. */
export async function backupBeforeMigration(dbPath: string, version: number, now = new Date()): Promise<string> {
  const folder = backupFolder(dbPath);
  const stem = basename(dbPath).replace(/\.db$/, '');
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  const dest = join(folder, `${stem}-${stamp}-v${version}.db`);
  const source = connect(dbPath, { readonly: true, fileMustExist: true });
  try {
    await backupTo(source, dest);
  } finally {
    source.close();
  }
  pruneBackups(folder, stem);
  return dest;
}

function pruneBackups(folder: string, stem: string): void {
  const pattern = new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d{8}T\\d{9}Z-v\\d+\\.db$`);
  const mine = readdirSync(folder)
    .filter((f) => pattern.test(f))
    .sort();
  for (const old of mine.slice(0, Math.max(0, mine.length - KEEP_BACKUPS))) rmSync(join(folder, old), { force: true });
}
