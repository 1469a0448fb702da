/** What `asset add` and `asset update` share: the options for an asset's fields, and an asset as JSON. */
import type { Command } from 'commander';
import { ASSET_STATUSES, formatDay, statusLabel } from '../domain/asset.js';
import type { AssetView } from '../store/assets.js';

/** The options every field of an asset has, for add and update alike. */
export function withAssetFields(cmd: Command): Command {
  return cmd
    .option('--model <text>', 'make and model')
    .option('--serial <text>', 'serial number')
    .option('--location <place>', 'where it is')
    .option('--hostname <name>', 'host name on the network')
    .option('--protocol <p>', 'remote session: ssh | rdp | vnc')
    .option('--status <s>', `${ASSET_STATUSES.map(statusLabel).join(' | ')}`)
    .option('--purchased <date>', 'purchase date, YYYY-MM-DD')
    .option('--warranty <date>', 'warranty end, YYYY-MM-DD')
    .option('--notes <text>', 'notes');
}

/** JSON for an asset: dates as YYYY-MM-DD, times as ISO. */
export function assetJson(a: AssetView) {
  const { owner_id: _id, ...rest } = a;
  return {
    ...rest,
    owner: a.owner_name,
    purchased_at: formatDay(a.purchased_at) || null,
    warranty_until: formatDay(a.warranty_until) || null,
  };
}
