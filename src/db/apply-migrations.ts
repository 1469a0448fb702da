/**
 * Runs pending migrations in order inside the caller's transaction, on either dialect; a failure
 * names the migration in one line (code DESKLINE_MIGRATION). Returns the last version applied.
 */
import type { Kysely } from 'kysely';
import type { Migration } from './migrations/index.js';

export async function applyMigrations(trx: Kysely<unknown>, pending: readonly Migration[]): Promise<number> {
  for (const migration of pending) {
    try {
      await migration.up(trx);
    } catch (error) {
      const message = (error as Error).message?.split('\n')[0];
      throw Object.assign(new Error(`migration ${migration.name} failed: ${message}`), { code: 'DESKLINE_MIGRATION' });
    }
  }
  return pending[pending.length - 1]!.version;
}
