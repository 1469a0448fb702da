/**
 * The requester and asset pickers: answers per keystroke over large desks (50k requesters, 100k
 * assets), so every query seeks an index by prefix (the NOCASE indexes of 011) and stops at `limit`.
 * A requester is found by the start of their name, of any later word of it, or of an address; an
 * asset by the start of its tag, hostname, serial or model, or of its owner's name.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from './executor.js';

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

/** The last code point: every text starting with `p` sorts before `p + TOP` (NOCASE compares bytes after folding ASCII). */
const TOP = '\u{10ffff}';

/** `column COLLATE NOCASE` in [p, p + TOP): a range the column's NOCASE index seeks. */
function startsWith(column: string, p: string): Expression<SqlBool> {
  const ref = sql.ref(column);
  return sql<SqlBool>`(${ref} COLLATE NOCASE >= ${p} AND ${ref} COLLATE NOCASE < ${p + TOP})`;
}

/** The name after its first word, exactly as the index requesters_later_words (011) writes it. */
const LATER = sql.raw(`substr(name, instr(name, ' ') + 1) COLLATE NOCASE`);
const laterStartsWith = (p: string) => sql<SqlBool>`(instr(name, ' ') > 0 AND ${LATER} >= ${p} AND ${LATER} < ${p + TOP})`;

const clean = (text: string) => text.trim().replace(/\s+/g, ' ');

export async function pickRequesters(db: Executor, text: string, limit = 8): Promise<PickedRequester[]> {
  const p = clean(text);
  const base = () => db.selectFrom('requesters').select(['id', 'name', 'email', 'department', 'vip']).limit(limit);
  if (!p)
    return base()
      .orderBy(sql`name COLLATE NOCASE`)
      .orderBy('id')
      .execute();
  const byName = await base()
    .where(startsWith('name', p))
    .orderBy(sql`name COLLATE NOCASE`)
    .orderBy('id')
    .execute();
  if (byName.length >= limit) return byName;
  const byEmail = await base()
    .where(startsWith('email', p))
    .where('id', 'not in', byName.length ? byName.map((r) => r.id) : [0])
    .orderBy(sql`email COLLATE NOCASE`)
    .execute();
  const found = [...byName, ...byEmail];
  if (found.length >= limit) return found.slice(0, limit);
  // The name after its first word ("silva" finds "Ana Silva"): a seek of its own index.
  const later = await base()
    .where(laterStartsWith(p))
    .where('id', 'not in', found.map((r) => r.id).concat(0))
    .execute();
  return [...found, ...later].slice(0, limit);
}

export async function pickAssets(db: Executor, text: string, limit = 8, ownerId: number | null = null): Promise<PickedAsset[]> {
  const p = clean(text);
  const base = () =>
    db
      .selectFrom('assets')
      .leftJoin('requesters', 'requesters.id', 'assets.owner_id')
      .select([
        'assets.id',
        'assets.tag',
        'assets.type',
        'assets.model',
        'assets.hostname',
        'assets.status',
        'requesters.name as owner_name',
      ])
      .limit(limit);
  if (ownerId !== null && !p) return base().where('assets.owner_id', '=', ownerId).orderBy('assets.tag').execute();
  if (!p) return base().orderBy('assets.tag').execute();
  const out: PickedAsset[] = [];
  const seen = new Set<number>();
  const take = (rows: PickedAsset[]) => rows.forEach((r) => !seen.has(r.id) && seen.add(r.id) && out.push(r));
  for (const column of ['assets.tag', 'assets.hostname', 'assets.serial', 'assets.model'] as const) {
    take(await base().where(startsWith(column, p)).orderBy(column).execute());
    if (out.length >= limit) return out.slice(0, limit);
  }
  const owners = await db.selectFrom('requesters').select('id').where(startsWith('name', p)).limit(limit).execute();
  if (owners.length)
    take(
      await base()
        .where(
          'assets.owner_id',
          'in',
          owners.map((o) => o.id),
        )
        // The order of assets_owner (owner, tag): ordering by tag alone walked every asset's tag.
        .orderBy('assets.owner_id')
        .orderBy('assets.tag')
        .execute(),
    );
  return out.slice(0, limit);
}
