/**
 * A desk once found corrupt refuses writes until `deskline db check` passes on it again: a marker
 * file beside it (`desk.db-corrupt`, 0600) holds what was seen and when. Writes that happen to miss
 * the damaged pages would otherwise succeed, and every one makes recovery harder.
 * Checking the whole file on every open would find damage sooner, but `PRAGMA quick_check` reads
 * every page (hundreds of ms on a 100k-ticket desk): too slow for `ticket create`.
 */
import { readFileSync, rmSync } from 'node:fs';
import { writePrivateFile } from '../private-files.js';

export function corruptMarker(path: string): string {
  return `${path}-corrupt`;
}

/** Why writes are refused, when the desk was found corrupt; null otherwise. */
export function corruptRefusal(path: string): string | null {
  let note: string;
  try {
    note = readFileSync(corruptMarker(path), 'utf8').split('\n')[0]!.trim();
  } catch {
    return null;
  }
  return `${path} was found corrupt (${note || 'see db check'}): writes are refused until 'deskline db check' passes`;
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
  rmSync(corruptMarker(path), { force: true });
}

/** SQLite's codes for a damaged file (better-sqlite3 reports extended codes such as SQLITE_CORRUPT_INDEX). */
export function isCorruptionError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}
