/**
 * Team mode: who is acting on a server is the login role (`session_user`) mapped to a technician
 * (technician_roles, migration 018). The database decides it for every write (the triggers of
 * src/db/pg/migrations/018-technician-roles.ts); the client asks here first so that what it shows
 * and links (author, `me`) agrees, and so an unmapped role is told what to do before it writes.
 * A file desk has no login roles: there the actor comes from settings.
 */
import { sql } from 'kysely';
import { dialectOf } from '../db/dialect.js';
import { EXIT, fail } from '../errors.js';
import type { Actor, Executor } from './executor.js';

export interface SessionActor {
  /** The login role the server knows this session as (`session_user`). */
  role: string;
  /** The technician that role maps to, or null. */
  actor: Actor | null;
  /** True when the session owns the desk (ran `db init`, or a superuser): it may act as settings say. */
  owner: boolean;
}

/** The session's technician on a server; null on a file desk. */
export async function sessionActor(db: Executor): Promise<SessionActor | null> {
  if (dialectOf(db) !== 'postgres') return null;
  const { rows } = await sql<{ role: string; id: number | null; name: string | null; email: string | null; owner: boolean }>`
    SELECT session_user AS role, a.id, a.name, t.email, a.owner
    FROM deskline_acting() AS a LEFT JOIN technicians AS t ON t.id = a.id`.execute(db);
  const row = rows[0]!;
  const actor = row.id === null ? null : { id: Number(row.id), name: row.name!, email: row.email };
  return { role: row.role, actor, owner: row.owner };
}

/**
 * The line a session that maps to no technician gets for a write or at the console's start: the role,
 * and the command the desk's owner runs to map it, naming the technician when settings name one the
 * desk already has (a moved desk has them all; `technician add` would only conflict).
 */
export function unmappedRole(role: string, technician: string | null = null): string {
  const command =
    technician === null
      ? `'deskline technician role WHO ${role}' (or 'deskline technician add NAME -e EMAIL --role ${role}' for someone new)`
      : `'deskline technician role ${technician} ${role}'`;
  return `login role ${role} is not a technician of this desk: the desk's owner runs ${command}`;
}

/**
 * The mapped technician when there is one; null when the session owns the desk (settings decide);
 * else refused, with the technician `email` (from settings) names in the command when the desk has one.
 */
export async function mappedActor(db: Executor, email?: string): Promise<Actor | null> {
  const session = await sessionActor(db);
  if (!session || session.actor) return session?.actor ?? null;
  if (session.owner) return null;
  const known =
    email === undefined
      ? undefined
      : await db.selectFrom('technicians').select('email').where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
  return fail(EXIT.database, unmappedRole(session.role, known?.email ?? null));
}
