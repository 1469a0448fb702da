/**
 * A desk once found corrupt refuses writes until it checks sound again: a marker file beside it
 * (`desk.db-corrupt`, 0600) holds what was seen and when. Writes that happen to miss the damaged pages
 * would otherwise succeed, and every one makes recovery harder.
 * Checking the whole file on every open would find damage before anything reads it, but
 * `PRAGMA quick_check` reads every page: 200–300 ms on a 100k-ticket desk (105 MB), more than a whole
 * `ticket create`. So the check runs only on desks already marked.
 */
import { existsSync, rmSync } from 'node:fs';
import { connectionProblems } from './backup.js';
import { connect } from './sqlite.js';
import { writePrivateFile } from '../private-files.js';

export function corruptMarker(path: string): string {
  return `${path}-corrupt`;
}

/**
 * Why writes are refused, when the desk was found corrupt and still is; null otherwise. A marked desk
 * is checked again on every open (integrity_check: ~0.8 s on a 100k-ticket desk, paid only while
 * marked), so restoring a sound copy over it lifts the refusal by itself.
 */
export function corruptRefusal(path: string): string | null {
  if (!existsSync(corruptMarker(path))) return null;
  let problems: string[];
  // Nobody writes a marked desk, so with no -wal beside it the file is read as immutable: no -wal or
  // -shm is created (a damaged file may never checkpoint them away).
  const sqlite = connect(path, { readonly: true, fileMustExist: true, immutable: !existsSync(`${path}-wal`) });
  try {
    problems = connectionProblems(sqlite);
  } catch (error) {
    problems = [String((error as Error).message)];
  } finally {
    sqlite.close();
  }
  if (problems.length === 0) {
    clearCorrupt(path);
    return null;
  }
  return corruptMessage(path, problems[0]!);
}

/** The one line for a corrupt desk; writes stay refused until it checks sound again. */
export function corruptMessage(path: string, problem: string): string {
  return `${path} is corrupt (${problem.split('\n')[0]}): writes are refused; restore a backup ('deskline db check' lists the damage)`;
}

/** Records that `path` is corrupt (best effort: a read-only folder keeps no marker). */
export function markCorrupt(path: string, problem: string): void {
  try {
    writePrivateFile(corruptMarker(path), `${new Date().toISOString()} ${problem.split('\n')[0]}\n`);
  } catch {
    // nowhere to write it: the error the user sees still says the file is corrupt
  }
}

export function clearCorrupt(path: string): void {
  try {
    rmSync(corruptMarker(path), { force: true });
  } catch {
    // a folder made read-only since: the next check that can write will clear it
  }
}
