/**
 * File-system side of the store: the desk file checked and created (0600, folders 0700) before
 * SQLite sees it, and whether this process may write it. Every path problem is one line, exit 5.
 */
import { accessSync, constants, readlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { EXIT, fail } from '../errors.js';
import { createPrivateFile, describeFileError, kindOf, makePrivateFolder, narrowToPrivate } from '../private-files.js';

export function isMemoryPath(path: string): boolean {
  return path === ':memory:';
}

/**
 * Checks that `path` is (or can become) a database file and creates it empty when missing.
 * An existing file of ours is narrowed to 0600 with its -wal and -shm. Returns true if created.
 */
export function ensurePrivateFile(path: string): boolean {
  const kind = pathKind(path);
  if (kind === 'file') {
    for (const file of [path, `${path}-wal`, `${path}-shm`]) narrowToPrivate(file);
    return false;
  }
  if (kind === 'folder') fail(EXIT.database, `${path} is a folder, not a database file: give a file name such as ${path}/desk.db`);
  if (kind === 'dangling') fail(EXIT.database, `${path} is a symbolic link to ${linkTarget(path)}, which does not exist`);
  if (kind === 'other') fail(EXIT.database, `${path} is not a regular file (a device, pipe or socket)`);
  try {
    makePrivateFolder(dirname(path));
    createPrivateFile(path);
    return true;
  } catch (error) {
    // Another process opening the same new desk made it a moment ago: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' && pathKind(path) === 'file') return false;
    return fail(EXIT.database, `cannot create database ${path}: ${describeFileError(error, path)}`);
  }
}

/** Why this process cannot write the desk (read-only file, folder or file system), or null when it can. */
export function writeRefusal(path: string): string | null {
  if (!canAccess(path, constants.W_OK)) return `${path} is read-only to you`;
  if (!canAccess(dirname(path), constants.W_OK | constants.X_OK)) return `the folder of ${path} is read-only to you`;
  return null;
}

function canAccess(path: string, mode: number): boolean {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}

function pathKind(path: string): ReturnType<typeof kindOf> {
  try {
    return kindOf(path);
  } catch (error) {
    return fail(EXIT.database, `cannot open database ${path}: ${describeFileError(error, path)}`);
  }
}

function linkTarget(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return 'a missing file';
  }
}
