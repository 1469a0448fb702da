/**
 * Every file Deskline writes is 0600 in folders it creates 0700, at any umask (DESIGN.md, rule 5).
 * Shared by the database layer (desk files, backups), settings and exports.
 *
 * Folders are made one level at a time from the nearest existing one: Node's
 * `mkdirSync(path, { recursive: true })` spins at 100 % CPU forever under /proc (mkdir there fails
 * with ENOENT, which the recursive walk takes for a missing parent and retries).
 */
import { chmodSync, closeSync, fstatSync, fchmodSync, lstatSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const PRIVATE_FILE = 0o600;
const PRIVATE_FOLDER = 0o700;

function errno(code: string, path: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}, '${path}'`), { code, path });
}

/**
 * Creates `dir` and its missing parents, each 0700 (existing folders are left as they are).
 * Throws the file-system error of the level that failed, with `path` set to that level.
 */
export function makePrivateFolder(dir: string): void {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    const kind = kindOf(at);
    if (kind === 'folder') break;
    if (kind !== 'missing') throw errno('ENOTDIR', at, 'not a folder');
    missing.push(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder, { mode: PRIVATE_FOLDER });
    } catch (error) {
      // Another process may have made it a moment ago; anything else is the answer.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || kindOf(folder) !== 'folder') throw error;
      continue;
    }
    chmodSync(folder, PRIVATE_FOLDER); // a umask such as 0277 would have narrowed even the owner
  }
}

/** What is at `path`, following symbolic links; a link to nothing is 'dangling'. */
export function kindOf(path: string): 'missing' | 'folder' | 'file' | 'dangling' | 'other' {
  try {
    const stats = statSync(path);
    return stats.isDirectory() ? 'folder' : stats.isFile() ? 'file' : 'other';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error; // ENOTDIR: a parent is a file, so this is missing
    try {
      return lstatSync(path).isSymbolicLink() ? 'dangling' : 'missing';
    } catch {
      return 'missing';
    }
  }
}

/**
 * Narrows an existing file to 0600, or folder to 0700, when group or others may use it. Only for
 * what is Deskline's own; a file of another owner is left alone.
 */
export function narrowToPrivate(path: string): void {
  try {
    const stats = statSync(path);
    if (!(stats.mode & 0o077) || stats.uid !== process.getuid?.()) return;
    if (stats.isFile()) chmodSync(path, PRIVATE_FILE);
    else if (stats.isDirectory()) chmodSync(path, PRIVATE_FOLDER);
  } catch {
    // missing, or not ours to change: nothing to narrow
  }
}

/** Creates `path` as an empty 0600 file; fails (EEXIST) when anything is there. */
export function createPrivateFile(path: string): void {
  const fd = openSync(path, 'wx', PRIVATE_FILE);
  try {
    fchmodSync(fd, PRIVATE_FILE);
  } finally {
    closeSync(fd);
  }
}

/** Writes `data` to `path` (creating its folders 0700), leaving the file 0600 whether it existed or not. */
export function writePrivateFile(path: string, data: string | Uint8Array): void {
  makePrivateFolder(dirname(path));
  const fd = openSync(path, 'w', PRIVATE_FILE);
  try {
    if (fstatSync(fd).mode & 0o077) fchmodSync(fd, PRIVATE_FILE);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
  } finally {
    closeSync(fd);
  }
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOTDIR: 'not a folder',
  ENOENT: 'no such file or folder',
  EISDIR: 'is a folder',
  ENOSPC: 'no space left on the device',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'name too long',
};

/** A few words for a file-system error: `permission denied`, `/a/b: not a folder`, … */
export function describeFileError(error: unknown, subject?: string): string {
  const err = error as NodeJS.ErrnoException;
  const reason = (err.code && REASONS[err.code]) ?? err.code ?? err.message ?? 'error';
  return err.path && err.path !== subject ? `${err.path}: ${reason}` : reason;
}
