/** Assets: add, read, list, change and hand out; every change of owner is kept (asset_owners). */
import { sql } from 'kysely';
import type { AssetRow } from '../db/schema.js';
import { withImmediate } from '../db/immediate.js';
import type { AssetStatus, AssetValues } from '../domain/asset.js';
import { EXIT, fail } from '../errors.js';
import type { Actor, Executor } from './executor.js';
import { escapeLike, like } from './like.js';
import { getRequester } from './requesters.js';

/** An asset as the faces show it: its row and its owner's name. */
export interface AssetView extends AssetRow {
  owner_name: string | null;
}

export interface AssetFilter {
  /** Part of a tag, model, serial, hostname or the owner's name. */
  search?: string;
  owner?: string;
  status?: AssetStatus;
  type?: string;
  limit?: number;
}

const COLUMNS = [
  'assets.id',
  'assets.tag',
  'assets.type',
  'assets.model',
  'assets.serial',
  'assets.owner_id',
  'assets.location',
  'assets.hostname',
  'assets.protocol',
  'assets.status',
  'assets.purchased_at',
  'assets.warranty_until',
  'assets.notes',
  'assets.created_at',
  'assets.updated_at',
] as const;

const viewQuery = (db: Executor) =>
  db
    .selectFrom('assets')
    .leftJoin('requesters', 'requesters.id', 'assets.owner_id')
    .select([...COLUMNS, 'requesters.name as owner_name']);

/** Adds an asset; an owner makes it deployed unless a status is given. Exit 3 when the tag is taken. */
export async function addAsset(
  db: Executor,
  values: AssetValues & { owner?: string | null },
  actor: Actor,
  now = Date.now(),
): Promise<AssetView> {
  if (!values.tag) fail(EXIT.invalid, 'tag: is required');
  if (!values.type) fail(EXIT.invalid, 'type: is required');
  return withImmediate(db, async (trx) => {
    const taken = await trx.selectFrom('assets').select('tag').where('tag', '=', values.tag!).executeTakeFirst();
    if (taken) fail(EXIT.conflict, `asset ${taken.tag} already exists`);
    const owner = values.owner ? await getRequester(trx, values.owner) : null;
    const { owner: _given, ...fields } = values;
    const row = await trx
      .insertInto('assets')
      .values({
        model: '',
        notes: '',
        ...fields,
        tag: values.tag!,
        type: values.type!,
        status: values.status ?? (owner ? 'deployed' : 'in_stock'),
        owner_id: owner?.id ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (owner)
      await trx.insertInto('asset_owners').values({ asset_id: row.id, requester_id: owner.id, at: now, actor: actor.name }).execute();
    return assetById(trx, row.id);
  });
}

async function assetById(db: Executor, id: number): Promise<AssetView> {
  return viewQuery(db).where('assets.id', '=', id).executeTakeFirstOrThrow();
}

/** The asset with this tag (any case). Exit 2 when there is none. */
export async function getAsset(db: Executor, tag: string): Promise<AssetView> {
  const row = await viewQuery(db).where('assets.tag', '=', tag.trim()).executeTakeFirst();
  return row ?? fail(EXIT.notFound, `no asset '${tag}' (see 'deskline asset list')`);
}

export async function listAssets(db: Executor, filter: AssetFilter = {}): Promise<AssetView[]> {
  let q = viewQuery(db)
    .orderBy('assets.tag')
    .limit(filter.limit ?? 100);
  if (filter.status) q = q.where('assets.status', '=', filter.status);
  if (filter.type) q = q.where('assets.type', '=', filter.type);
  if (filter.owner) q = q.where('assets.owner_id', '=', (await getRequester(db, filter.owner)).id);
  const text = filter.search?.trim();
  if (text) {
    const p = `%${escapeLike(text)}%`;
    q = q.where((eb) =>
      eb.or(['assets.tag', 'assets.model', 'assets.serial', 'assets.hostname', 'requesters.name'].map((c) => like(sql.ref(c), p))),
    );
  }
  return q.execute();
}

/** Changes fields of an asset (not its owner: assignAsset). Returns it as written. */
export async function updateAsset(db: Executor, tag: string, values: AssetValues, now = Date.now()): Promise<AssetView> {
  if (Object.keys(values).length === 0) fail(EXIT.usage, 'nothing to change');
  return withImmediate(db, async (trx) => {
    const before = await getAsset(trx, tag);
    if (values.tag && values.tag !== before.tag) {
      const taken = await trx.selectFrom('assets').select('tag').where('tag', '=', values.tag).executeTakeFirst();
      if (taken) fail(EXIT.conflict, `asset ${taken.tag} already exists`);
    }
    await trx
      .updateTable('assets')
      .set({ ...values, updated_at: now })
      .where('id', '=', before.id)
      .execute();
    return assetById(trx, before.id);
  });
}

/**
 * Gives an asset to a requester (deployed), or back to stock with `none` (in stock). The change of
 * owner is kept in asset_owners; giving it to its owner again changes nothing.
 */
export async function assignAsset(db: Executor, tag: string, who: string, actor: Actor, now = Date.now()): Promise<AssetView> {
  return withImmediate(db, async (trx) => {
    const before = await getAsset(trx, tag);
    const owner = who.trim().toLowerCase() === 'none' ? null : await getRequester(trx, who);
    if ((owner?.id ?? null) === before.owner_id) return before;
    if (before.status === 'retired') fail(EXIT.invalid, `asset ${before.tag} is retired: set its status first`);
    await setOwner(trx, before.id, owner?.id ?? null, owner ? 'deployed' : 'in_stock', actor, now);
    return assetById(trx, before.id);
  });
}

/** Writes an owner change and its history row (inside the caller's transaction). */
export async function setOwner(
  trx: Executor,
  assetId: number,
  ownerId: number | null,
  status: AssetStatus,
  actor: Actor,
  now: number,
): Promise<void> {
  await trx.updateTable('assets').set({ owner_id: ownerId, status, updated_at: now }).where('id', '=', assetId).execute();
  await trx.insertInto('asset_owners').values({ asset_id: assetId, requester_id: ownerId, at: now, actor: actor.name }).execute();
}

/** The assets a requester holds, by tag. */
export async function assetsOfRequester(db: Executor, requesterId: number, limit = 50): Promise<AssetView[]> {
  return viewQuery(db).where('assets.owner_id', '=', requesterId).orderBy('assets.tag').limit(limit).execute();
}
