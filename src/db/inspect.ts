/** Read-only look at a database file before anything writes to it. */
import type Database from 'better-sqlite3';
import { connect, isCorruptionError } from './sqlite.js';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { EXIT, fail } from '../errors.js';
import { corruptMessage, markCorrupt } from './corrupt.js';

/** PRAGMA application_id stamped on every Deskline database ('DSKL'). */
export const APPLICATION_ID = 0x44534b4c;

export interface FileState {
  kind: 'empty' | 'deskline';
  version: number;
}

interface Facts {
  appId: number;
  version: number;
  /** Rows in sqlite_master (only "none" vs "some" matters). */
  objects: number;
}

/** Opens the file read-only and decides whether it is empty, ours, foreign, or too new. Writes nothing. */
export function inspectFile(path: string, latestVersion: number): FileState {
  const facts = fromHeader(path) ?? probe(path);
  if (facts.appId === APPLICATION_ID) {
    if (facts.version > latestVersion) {
      fail(
        EXIT.database,
        `${path} has schema version ${facts.version}, newer than this Deskline knows (${latestVersion}): upgrade Deskline`,
      );
    }
    return { kind: 'deskline', version: facts.version };
  }
  if (facts.appId === 0 && facts.objects === 0) return { kind: 'empty', version: 0 };
  return fail(EXIT.database, `${path} is an SQLite database but not a Deskline one: refusing to touch it`);
}

/**
 * A look at the first bytes, so SQLite never opens what it need not. A non-empty file without the
 * SQLite magic is refused here (SQLite itself takes a 1-byte file for an empty database). A WAL-mode
 * file with no -wal beside it is fully checkpointed, so its header is the truth, and opening it
 * read-only would leave new -wal/-shm files behind: decide from the header (SQLite file format
 * §1.3: user_version at 60, application_id at 68, page 1's b-tree header at 100).
 * Returns null when SQLite itself should look (empty or unreadable files, other journal modes, a live WAL).
 */
function fromHeader(path: string): Facts | null {
  const head = Buffer.alloc(108);
  let size: number;
  let fd: number | undefined;
  const walBefore = existsSync(`${path}-wal`);
  try {
    fd = openSync(path, 'r');
    size = readSync(fd, head, 0, head.length, 0);
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (size === 0) return null;
  if (size < head.length || head.toString('latin1', 0, 16) !== 'SQLite format 3\0') {
    return fail(EXIT.database, `${path} is not a Deskline database (not an SQLite file)`);
  }
  // A -wal before or after the read means a writer (or its checkpoint, rewriting these bytes) may be
  // at work: SQLite reads a consistent snapshot then.
  if (head[18] !== 2 || head[19] !== 2 || walBefore || existsSync(`${path}-wal`)) return null;
  const leaf = head[100] === 0x0d;
  return { appId: head.readUInt32BE(68), version: head.readUInt32BE(60), objects: leaf ? head.readUInt16BE(103) : 1 };
}

function probe(path: string): Facts {
  let db: Database.Database | undefined;
  try {
    db = connect(path, { readonly: true, fileMustExist: true });
    // One statement, one snapshot: another process may commit its first migration between two reads.
    return db
      .prepare(
        `SELECT (SELECT application_id FROM pragma_application_id) AS appId,
           (SELECT user_version FROM pragma_user_version) AS version, (SELECT count(*) FROM sqlite_master) AS objects`,
      )
      .get() as Facts;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') fail(EXIT.database, `${path} is not a Deskline database (not an SQLite file)`);
    if (code === 'SQLITE_CANTOPEN') fail(EXIT.database, `cannot open database ${path}: permission denied or missing`);
    if (isCorruptionError(error)) {
      markCorrupt(path, (error as Error).message);
      fail(EXIT.database, corruptMessage(path, (error as Error).message));
    }
    throw error;
  } finally {
    db?.close();
  }
}
