/** File-system side of the store: private folders and 0600 files, created before SQLite sees them. */
import { closeSync, existsSync, mkdirSync, openSync, chmodSync } from 'node:fs';
import { dirname } from 'node:path';
import { EXIT, fail } from '../errors.js';

export function isMemoryPath(path: string): boolean {
  return path === ':memory:';
}

/** Creates the folder (0700) and an empty database file (0600) when missing. Returns true if created. */
export function ensurePrivateFile(path: string): boolean {
  if (existsSync(path)) return false;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    closeSync(openSync(path, 'wx', 0o600));
    chmodSync(path, 0o600); // umask may have narrowed or widened nothing, but be explicit
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' || code === 'EROFS' || code === 'EPERM' ? 'permission denied' : (code ?? 'error');
    return fail(EXIT.database, `cannot create database ${path}: ${reason}`);
  }
}
