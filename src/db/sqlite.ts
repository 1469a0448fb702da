/**
 * Every better-sqlite3 connection is made here, with its native addon given by path. The bundles carry
 * better-sqlite3's JavaScript but not the addon, and its default loader (the `bindings` package)
 * would search beside the bundle; it also probes a dozen paths before finding it.
 */
import Database from 'better-sqlite3';
import { createRequire } from 'node:module';

// URI file names (for `immutable=1`, below) are off in better-sqlite3's build unless this variable is
// set when its addon loads, which is at the first connection: this module makes every connection.
process.env.SQLITE_USE_URI ??= '1';

let addon: string | undefined | null = null;

function addonPath(): string | undefined {
  if (addon !== null) return addon;
  try {
    addon = createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node');
  } catch {
    addon = undefined; // from the sources, better-sqlite3 finds its own addon
  }
  return addon;
}

export interface ConnectOptions extends Omit<Database.Options, 'nativeBinding'> {
  /**
   * Read a file nobody writes while we read it (a desk in a read-only folder): SQLite then needs no
   * -shm beside it, which a read-only folder cannot hold.
   */
  immutable?: boolean;
}

export function connect(path: string, options: ConnectOptions = {}): Database.Database {
  const { immutable, ...rest } = options;
  return new Database(fileName(path, immutable === true), { ...rest, nativeBinding: addonPath() });
}

function fileName(path: string, immutable: boolean): string {
  if (immutable) return `file:${path.replace(/[%?#]/g, (c) => encodeURIComponent(c))}?immutable=1`;
  return path.startsWith('file:') ? `./${path}` : path; // a plain name that looks like a URI stays a name
}

/** SQLite's codes for a damaged file (better-sqlite3 reports extended codes such as SQLITE_CORRUPT_INDEX). */
export function isCorruptionError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}
