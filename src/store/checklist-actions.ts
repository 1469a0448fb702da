/** What ticking a checklist item with an action does besides ticking it, inside the same transaction. */
import { recordEvent } from './audit.js';
import { assetsOfTicket } from './asset-links.js';
import { assetsOfRequester, setOwner, type AssetView } from './assets.js';
import type { Actor, Executor } from './executor.js';
import type { TicketView } from './ticket-view.js';

/** Returns what it did, in words, for the command's output and the status bar. */
export type ItemAction = (trx: Executor, ticket: TicketView, actor: Actor, now: number) => Promise<string[]>;

/** Statuses an asset comes back to stock from (a retired one stays retired). */
const RECOVERABLE = ['deployed', 'in_repair'];

/**
 * A leaver's "recover assets": the assets the ticket links to and those its requester (the leaver)
 * holds go back in stock, each owner change kept in the asset's history and noted on the ticket.
 */
async function recoverAssets(trx: Executor, ticket: TicketView, actor: Actor, now: number): Promise<string[]> {
  const linked = await assetsOfTicket(trx, ticket.id);
  const held = ticket.requester_id === null ? [] : await assetsOfRequester(trx, ticket.requester_id, 500);
  const all = new Map<number, AssetView>([...linked, ...held].map((a) => [a.id, a]));
  const out: string[] = [];
  for (const asset of all.values()) {
    if (!RECOVERABLE.includes(asset.status)) continue;
    await setOwner(trx, asset.id, null, 'in_stock', actor, now);
    await recordEvent(
      trx,
      ticket.id,
      actor,
      'recover_asset',
      [{ field: `asset ${asset.tag}`, old: asset.owner_name ?? asset.status, new: 'in stock' }],
      now,
    );
    out.push(`${asset.tag} back in stock${asset.owner_name ? ` (was ${asset.owner_name}'s)` : ''}`);
  }
  return out.length ? out : ['no deployed asset to recover (link them with ticket asset, or the requester holds none)'];
}

export const ITEM_ACTIONS: Readonly<Record<string, ItemAction>> = {
  recover_assets: recoverAssets,
};
