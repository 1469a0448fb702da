/**
 * The requester and asset pickers: answers per keystroke over large desks (50k requesters, 100k
 * assets). Each picker is ONE statement, written once per dialect (./pickers-sql.ts; its text never
 * changes, so the connection's statement cache prepares it once): a UNION ALL of prefix seeks, each
 * branch limited and leaving out what an earlier branch matches, under an outer LIMIT at which
 * SQLite stops (a tag typed in full never runs the later branches). A requester is found by the
 * start of their name, of an address, or of any later word of the name; an asset by the start of
 * its tag, hostname, serial or model, or of its owner's name.
 */
import { CompiledQuery } from 'kysely';
import type { Executor } from './executor.js';
import { isDesklineError } from '../errors.js';
import { getRequester } from './requesters.js';
import { dialectOf, type Dialect } from '../db/dialect.js';
import { pickerStatements, type PickerStatements, type Slot } from './pickers-sql.js';

export interface PickedRequester {
  id: number;
  name: string;
  email: string | null;
  department: string | null;
  vip: number;
}

export interface PickedAsset {
  id: number;
  tag: string;
  type: string;
  model: string;
  hostname: string | null;
  status: string;
  owner_name: string | null;
}

/** The last code point: every text starting with `p` sorts before `p + TOP` (both indexes compare bytes after folding). */
const TOP = '\u{10ffff}';

const STATEMENTS: Record<Dialect, PickerStatements> = { sqlite: pickerStatements('sqlite'), postgres: pickerStatements('postgres') };

const clean = (text: string) => text.trim().replace(/\s+/g, ' ');

async function run<T>(db: Executor, which: keyof PickerStatements, values: Record<Slot, unknown>): Promise<T[]> {
  const { text, slots } = STATEMENTS[dialectOf(db)][which];
  return (
    await db.executeQuery<T>(
      CompiledQuery.raw(
        text,
        slots.map((slot) => values[slot]),
      ),
    )
  ).rows;
}

export async function pickRequesters(db: Executor, text: string, limit = 8): Promise<PickedRequester[]> {
  const p = clean(text);
  return run(db, p ? 'requesters' : 'allRequesters', { p, hi: p + TOP, limit, owner: null });
}

export async function pickAssets(db: Executor, text: string, limit = 8, ownerId: number | null = null): Promise<PickedAsset[]> {
  const p = clean(text);
  const which = p ? 'assets' : ownerId !== null ? 'ownedAssets' : 'allAssets';
  return run(db, which, { p, hi: p + TOP, limit, owner: ownerId });
}

/**
 * The assets of the requester a form's text names (`Name <email>`, an address, a name or an id):
 * none when it names nobody yet (a new requester is created with the ticket).
 */
export async function pickRequesterAssets(db: Executor, who: string, limit = 8): Promise<PickedAsset[]> {
  const key = (/<([^<>]+)>\s*$/.exec(who)?.[1] ?? who).trim();
  if (!key) return [];
  try {
    return await pickAssets(db, '', limit, (await getRequester(db, key)).id);
  } catch (error) {
    if (isDesklineError(error)) return [];
    throw error;
  }
}
