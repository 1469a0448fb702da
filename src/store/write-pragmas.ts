/**
 * Connection settings for one long write (an import), put back afterwards. Every ticket and entry
 * insert fires triggers, so SQLite keeps a statement journal for each; with temp files on disk each
 * journal past 64 KiB spills to a file (most of an insert's cost once a run's pages are dirty). In
 * memory it costs a copy. A larger page cache keeps a run's dirty pages from spilling to the WAL
 * before COMMIT. Only set outside a transaction (temp_store drops TEMP objects; none are in use).
 */
import type Database from 'better-sqlite3';

/** Pages of cache during the run: 64 MiB (negative = KiB). */
const RUN_CACHE_KIB = 65_536;

export function longWritePragmas(sqlite: Database.Database): () => void {
  const tempStore = sqlite.pragma('temp_store', { simple: true }) as number;
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma(`cache_size = ${-RUN_CACHE_KIB}`);
  return () => {
    sqlite.pragma(`temp_store = ${Math.trunc(tempStore)}`);
    sqlite.pragma(`cache_size = ${Math.trunc(cacheSize)}`);
  };
}
