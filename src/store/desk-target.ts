/** How a desk's address is shown: a file's path as it is, a server URL never with its password. */
import { isPostgresUrl } from '../db/dialect.js';
import { parsePgTarget } from '../db/pg/target.js';

/** What to show for a `--db` value: a file's path, or a server URL without its password (nothing is opened). */
export function shownTarget(target: string): string {
  if (!isPostgresUrl(target)) return target;
  try {
    return parsePgTarget(target).display;
  } catch {
    return 'an unreadable PostgreSQL URL';
  }
}

/** True when a `--db` value names a PostgreSQL server (nothing is opened). */
export const isServerTarget = (target: string): boolean => isPostgresUrl(target);
