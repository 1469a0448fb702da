/**
 * Unsent text on disk: when the console has to stop on an error, what was typed but not written is
 * saved to `<data>/drafts/console-<desk>.json` (0600 in a 0700 folder) and opened again, in its box,
 * at the next start on the same desk; the file goes once read.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { draftsFolder } from '../../paths.js';
import { writePrivateFile } from '../../private-files.js';
import type { SavedDialog } from '../state/act/saved.js';

type Env = Record<string, string | undefined>;

export function draftFile(env: Env, dbPath: string): string {
  const id = createHash('sha256').update(resolve(dbPath)).digest('hex').slice(0, 12);
  return join(draftsFolder(env), `console-${id}.json`);
}

/** Writes the dialogs; returns the file. Throws when the folder cannot be written. */
export function saveDrafts(env: Env, dbPath: string, dialogs: readonly SavedDialog[]): string {
  const file = draftFile(env, dbPath);
  writePrivateFile(file, `${JSON.stringify({ db: resolve(dbPath), savedAt: new Date().toISOString(), dialogs }, null, 2)}\n`);
  return file;
}

/** The dialogs saved for this desk, if any; the file is removed (the console holds them from now on). */
export function takeDrafts(env: Env, dbPath: string): SavedDialog[] {
  const file = draftFile(env, dbPath);
  if (!existsSync(file)) return [];
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { dialogs?: unknown };
    return Array.isArray(parsed.dialogs) ? (parsed.dialogs.filter((d) => d && typeof d === 'object') as SavedDialog[]) : [];
  } catch {
    return [];
  } finally {
    rmSync(file, { force: true });
  }
}
