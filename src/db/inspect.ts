/** Read-only look at a database file before anything writes to it. */
import Database from 'better-sqlite3';
import { EXIT, fail } from '../errors.js';

/** PRAGMA application_id stamped on every Deskline database ('DSKL'). */
export const APPLICATION_ID = 0x44534b4c;

export interface FileState {
  kind: 'empty' | 'deskline';
  version: number;
}

/** Opens the file read-only and decides whether it is empty, ours, foreign, or too new. Writes nothing. */
export function inspectFile(path: string, latestVersion: number): FileState {
  let probe: Database.Database | undefined;
  try {
    probe = new Database(path, { readonly: true, fileMustExist: true });
    const appId = probe.pragma('application_id', { simple: true }) as number;
    const version = probe.pragma('user_version', { simple: true }) as number;
    const objects = probe.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number };
    if (appId === APPLICATION_ID) {
      if (version > latestVersion) {
        fail(
          EXIT.database,
          `${path} has schema version ${version}, newer than this Deskline knows (${latestVersion}): upgrade Deskline`,
        );
      }
      return { kind: 'deskline', version };
    }
    if (appId === 0 && objects.n === 0) return { kind: 'empty', version: 0 };
    return fail(EXIT.database, `${path} is an SQLite database but not a Deskline one: refusing to touch it`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') fail(EXIT.database, `${path} is not a Deskline database (not an SQLite file)`);
    if (code === 'SQLITE_CANTOPEN') fail(EXIT.database, `cannot open database ${path}: permission denied or missing`);
    if (code === 'SQLITE_CORRUPT') fail(EXIT.database, `${path} is corrupt: run 'deskline db check'`);
    throw error;
  } finally {
    probe?.close();
  }
}
