/**
 * 018: which database login role is which technician (issue 21, team mode). Frozen once landed.
 *
 * - technician_roles: one row per PostgreSQL login role that acts as a technician (`role` is the
 *   role's name as `session_user` gives it; one role per technician, one technician per role).
 *   On a server, the triggers of PostgreSQL's 018 read it to set who made each change, so a client
 *   cannot write the audit trail in another's name. A table rather than a column on technicians:
 *   technicians may add technicians, but only the desk's owner may map a role, and a table of its
 *   own takes that rule as one REVOKE (src/db/pg/roles.ts) where a column would need column grants.
 *   On SQLite it stays empty: a file desk has no login roles (the actor comes from settings).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE technician_roles (
    role TEXT PRIMARY KEY,
    technician_id INTEGER NOT NULL REFERENCES technicians (id),
    created_at INTEGER NOT NULL
  ) WITHOUT ROWID`.execute(db);
  await sql`CREATE UNIQUE INDEX technician_roles_technician ON technician_roles (technician_id)`.execute(db);
}
