/**
 * Writes checked asset records (io/asset-csv.ts) in one IMMEDIATE transaction: all or nothing, and
 * idempotent: a tag seen before is updated to the record (unchanged when equal), a new one inserted,
 * an owner change kept in asset_owners. A problem names the record's line; nothing is written then.
 */
import { withImmediate } from '../db/immediate.js';
import type { AssetValues } from '../domain/asset.js';
import { DesklineError, fail } from '../errors.js';
import { setOwner } from './assets.js';
import type { Actor, Executor } from './executor.js';
import { getRequester } from './requesters.js';

export interface AssetImportRecord {
  line: number;
  values: AssetValues;
  owner: string | null;
}

export interface AssetImportSummary {
  created: number;
  updated: number;
  unchanged: number;
}

const FIELDS = [
  'type',
  'model',
  'serial',
  'location',
  'hostname',
  'protocol',
  'status',
  'purchased_at',
  'warranty_until',
  'notes',
] as const;

export async function importAssets(
  db: Executor,
  records: readonly AssetImportRecord[],
  actor: Actor,
  source: string,
  now = Date.now(),
): Promise<AssetImportSummary> {
  return withImmediate(db, async (trx) => {
    const summary: AssetImportSummary = { created: 0, updated: 0, unchanged: 0 };
    const owners = new Map<string, number>();
    for (const r of records) {
      try {
        const ownerId = r.owner === null ? null : (owners.get(r.owner) ?? (await getRequester(trx, r.owner)).id);
        if (r.owner !== null) owners.set(r.owner, ownerId!);
        summary[await writeOne(trx, r.values, ownerId, actor, now)]++;
      } catch (error) {
        if (error instanceof DesklineError) fail(error.exitCode, `${source}:${r.line}: ${error.message}`);
        throw error;
      }
    }
    return summary;
  });
}

async function writeOne(trx: Executor, v: AssetValues, ownerId: number | null, actor: Actor, now: number) {
  const before = await trx.selectFrom('assets').selectAll().where('tag', '=', v.tag!).executeTakeFirst();
  const status = v.status ?? before?.status ?? (ownerId === null ? 'in_stock' : 'deployed');
  if (!before) {
    const { id } = await trx
      .insertInto('assets')
      .values({ model: '', notes: '', ...v, tag: v.tag!, type: v.type!, status, owner_id: ownerId, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (ownerId !== null)
      await trx.insertInto('asset_owners').values({ asset_id: id, requester_id: ownerId, at: now, actor: actor.name }).execute();
    return 'created' as const;
  }
  const set: Partial<AssetValues> = {};
  for (const f of FIELDS) if (v[f] !== undefined && v[f] !== before[f]) Object.assign(set, { [f]: v[f] });
  const owned = ownerId !== null && ownerId !== before.owner_id;
  if (Object.keys(set).length === 0 && !owned) return 'unchanged' as const;
  if (Object.keys(set).length)
    await trx
      .updateTable('assets')
      .set({ ...set, updated_at: now })
      .where('id', '=', before.id)
      .execute();
  if (owned) await setOwner(trx, before.id, ownerId, v.status ?? 'deployed', actor, now);
  return 'updated' as const;
}
