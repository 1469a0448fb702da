/** Store functions take an executor first: the database, or the transaction they run inside. */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export type Executor = Kysely<DB>;

/** Who makes a change: a technician row (or null for the system) and the name shown in history. */
export interface Actor {
  id: number | null;
  name: string;
  /** Known for a technician from ensureTechnician; lets `me` resolve without a lookup. */
  email?: string | null;
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'system' };
