/** Tickets about assets: linking, and an asset's history (its owners over time and its tickets). */
import { withImmediate } from '../db/immediate.js';
import { formatRef } from '../domain/ticket.js';
import { recordEvent } from './audit.js';
import { assetsOfRequester, getAsset, type AssetView } from './assets.js';
import type { Actor, Executor } from './executor.js';
import { getTicket } from './ticket-view.js';

export interface AssetTicket {
  id: number;
  ref: string;
  title: string;
  status: string;
  linked_at: number;
}

export interface OwnerSpell {
  /** null: in stock. */
  requester_id: number | null;
  name: string | null;
  at: number;
  actor: string;
}

export interface AssetHistory {
  owners: OwnerSpell[];
  tickets: AssetTicket[];
}

/**
 * Links a ticket to an asset (`remove`: unlinks it), with an audit event on the ticket. Linking a
 * linked asset again changes nothing; returns whether anything changed.
 */
export async function linkAsset(
  db: Executor,
  ticketId: number,
  tag: string,
  actor: Actor,
  opts: { remove?: boolean; now?: number } = {},
): Promise<{ asset: AssetView; changed: boolean }> {
  const now = opts.now ?? Date.now();
  return withImmediate(db, async (trx) => {
    await getTicket(trx, ticketId);
    const asset = await getAsset(trx, tag);
    const result = opts.remove
      ? await trx.deleteFrom('ticket_assets').where('ticket_id', '=', ticketId).where('asset_id', '=', asset.id).executeTakeFirst()
      : await trx
          .insertInto('ticket_assets')
          .values({ ticket_id: ticketId, asset_id: asset.id, linked_at: now, linked_by: actor.name })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
    const n = 'numDeletedRows' in result ? result.numDeletedRows : result.numInsertedOrUpdatedRows;
    const changed = Number(n ?? 0) > 0;
    if (changed) {
      const change = opts.remove ? { old: asset.tag, new: null } : { old: null, new: asset.tag };
      await recordEvent(trx, ticketId, actor, opts.remove ? 'unlink-asset' : 'link-asset', [{ field: 'asset', ...change }], now);
    }
    return { asset, changed };
  });
}

/** The assets a ticket is about, by tag. */
export async function assetsOfTicket(db: Executor, ticketId: number): Promise<AssetView[]> {
  return db
    .selectFrom('ticket_assets')
    .innerJoin('assets', 'assets.id', 'ticket_assets.asset_id')
    .leftJoin('requesters', 'requesters.id', 'assets.owner_id')
    .selectAll('assets')
    .select('requesters.name as owner_name')
    .where('ticket_assets.ticket_id', '=', ticketId)
    .orderBy('assets.tag')
    .execute();
}

/** Who owned the asset from when (oldest first) and the tickets about it (newest first). */
export async function assetHistory(db: Executor, assetId: number): Promise<AssetHistory> {
  const owners = await db
    .selectFrom('asset_owners')
    .leftJoin('requesters', 'requesters.id', 'asset_owners.requester_id')
    .select(['asset_owners.requester_id', 'requesters.name', 'asset_owners.at', 'asset_owners.actor'])
    .where('asset_owners.asset_id', '=', assetId)
    .orderBy('asset_owners.at')
    .orderBy('asset_owners.id')
    .execute();
  const tickets = await db
    .selectFrom('ticket_assets')
    .innerJoin('tickets', 'tickets.id', 'ticket_assets.ticket_id')
    .select(['tickets.id', 'tickets.title', 'tickets.status', 'ticket_assets.linked_at'])
    .where('ticket_assets.asset_id', '=', assetId)
    .orderBy('tickets.id', 'desc')
    .execute();
  return { owners, tickets: tickets.map((t) => ({ ...t, ref: formatRef(t.id) })) };
}

/** The detail pane's assets: those the ticket is linked to, then its requester's others (to link). */
export interface AssetChoices {
  linked: AssetView[];
  owned: AssetView[];
}

export async function assetChoices(db: Executor, ticketId: number): Promise<AssetChoices> {
  const linked = await assetsOfTicket(db, ticketId);
  const ticket = await db.selectFrom('tickets').select('requester_id').where('id', '=', ticketId).executeTakeFirst();
  if (ticket?.requester_id == null) return { linked, owned: [] };
  const owned = await assetsOfRequester(db, ticket.requester_id, 8);
  return { linked, owned: owned.filter((a) => !linked.some((l) => l.id === a.id)) };
}
