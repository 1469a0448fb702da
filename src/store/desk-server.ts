/**
 * `db check`, `db backup` and `db init` on a desk kept on a PostgreSQL server. The server keeps
 * its own pages sound and enforces every foreign key, so the check is the schema version and the
 * audit chain; a backup is pg_dump's job, and the command to run is spelt out without a password.
 */
import { sql } from 'kysely';
import { dialectOf } from '../db/dialect.js';

export { shownTarget } from './desk-target.js';
import { PG_LATEST_VERSION } from '../db/pg/migrations/index.js';
import { describeChainProblem } from '../domain/audit-chain.js';
import { auditChainProblemsOf } from './audit-chain-walk.js';
import type { Desk } from './desk.js';
import { technicianRoleSql as roleSql } from '../db/pg/roles.js';

/** True for a desk on a PostgreSQL server (team mode). */
export function isServerDesk(desk: Desk): boolean {
  return dialectOf(desk.db) === 'postgres';
}

export interface ServerHealth {
  /** The schema version the server holds, and the one this build knows. */
  version: number;
  latest: number;
  /** Audit events edited, inserted or missing behind Deskline's back. */
  audit: string[];
}

/** The schema version a desk holds (`deskline_schema` on a server, `user_version` in a file). */
export async function schemaVersion(desk: Desk): Promise<number> {
  if (!isServerDesk(desk)) return (await sql<{ user_version: number }>`PRAGMA user_version`.execute(desk.db)).rows[0]!.user_version;
  return (await sql<{ version: number }>`SELECT version FROM deskline_schema`.execute(desk.db)).rows[0]?.version ?? 0;
}

export async function checkServerDesk(desk: Desk): Promise<ServerHealth> {
  const version = await schemaVersion(desk);
  const problems = (await auditChainProblemsOf(desk.db)).map(describeChainProblem);
  const schema = version === PG_LATEST_VERSION ? [] : [`schema version ${version}, this Deskline expects ${PG_LATEST_VERSION}`];
  return { version, latest: PG_LATEST_VERSION, audit: [...schema, ...problems] };
}

/** The SQL creating the technician group role with its grants (audit trail append-only) for this desk's database. */
export function technicianRoleSql(desk: Desk): string {
  return roleSql(new URL(desk.path).pathname.slice(1) || 'postgres');
}

/** The pg_dump command that backs the desk up to `dest` (custom format; restore with pg_restore). */
export function pgDumpCommand(desk: Desk, dest: string): string {
  return `pg_dump --format=custom --no-owner --file=${quote(dest)} ${quote(desk.path)}`;
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
