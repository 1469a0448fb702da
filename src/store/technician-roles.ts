/**
 * Team mode: the desk's owner maps a PostgreSQL login role to a technician (technician_roles,
 * migration 018) and grants it the technician group role. Who acts is then the database's to say
 * (./session-actor.ts). A file desk has no login roles.
 */
import { sql } from 'kysely';
import { dialectOf } from '../db/dialect.js';
import type { TechnicianRow } from '../db/schema.js';
import { TECHNICIAN_ROLE } from '../db/pg/roles.js';
import { DesklineError, EXIT, fail } from '../errors.js';
import type { Executor } from './executor.js';
import { addTechnician, type TechnicianInput } from './technicians.js';

/**
 * Maps `role` to the technician and grants it the technician group role (`deskline db roles`), in
 * one transaction: both or neither. The desk's owner runs it; a role must exist on the server first.
 */
export async function mapTechnicianRole(db: Executor, technician: TechnicianRow, role: string, now = Date.now()): Promise<void> {
  checkRole(db, role);
  await db.transaction().execute((trx) => mapRole(trx, technician, role, now));
}

/** A new technician acting through `role`: added, mapped and granted together, or not at all. */
export async function addTechnicianWithRole(db: Executor, input: TechnicianInput, role: string, now = Date.now()): Promise<TechnicianRow> {
  checkRole(db, role);
  return db.transaction().execute(async (trx) => {
    const row = await addTechnician(trx, input, now);
    await mapRole(trx, row, role, now);
    return row;
  });
}

function checkRole(db: Executor, role: string): void {
  if (dialectOf(db) !== 'postgres') fail(EXIT.usage, '--role: only a team desk on PostgreSQL has login roles (give --db postgres://…)');
  if (!/^[^\s\0-\x1f"]{1,63}$/.test(role)) fail(EXIT.invalid, `--role: '${role}' is not a login role name`);
}

async function mapRole(trx: Executor, technician: TechnicianRow, role: string, now: number): Promise<void> {
  const taken = await trx
    .selectFrom('technician_roles as r')
    .innerJoin('technicians as t', 't.id', 'r.technician_id')
    .select(['r.role', 't.name'])
    .where((eb) => eb.or([eb('r.role', '=', role), eb('r.technician_id', '=', technician.id)]))
    .executeTakeFirst();
  if (taken?.role === role) fail(EXIT.conflict, `login role ${role} already acts as ${taken.name}`);
  if (taken) fail(EXIT.conflict, `${technician.name} already acts through login role ${taken.role}`);
  await trx.insertInto('technician_roles').values({ role, technician_id: technician.id, created_at: now }).execute();
  await sql`GRANT ${sql.id(TECHNICIAN_ROLE)} TO ${sql.id(role)}`.execute(trx).catch((error: unknown) => {
    throw grantError(error, role);
  });
}

/** The login role of each mapped technician (none on a file desk). */
export async function rolesByTechnician(db: Executor): Promise<Map<number, string>> {
  const rows = await db.selectFrom('technician_roles').select(['technician_id', 'role']).execute();
  return new Map(rows.map((r) => [r.technician_id, r.role]));
}

/** GRANT's failures as one line: a role missing on the server, or the group role not created yet. */
function grantError(error: unknown, role: string): unknown {
  if ((error as { code?: string }).code !== '42704') return error;
  if (String((error as Error).message).includes(`"${TECHNICIAN_ROLE}"`)) {
    return new DesklineError(EXIT.notFound, `no role ${TECHNICIAN_ROLE} on the server yet: run 'deskline db roles' through psql first`);
  }
  return new DesklineError(EXIT.notFound, `no login role ${role} on the server: create it first (CREATE ROLE ${role} LOGIN)`);
}
