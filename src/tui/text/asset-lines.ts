/** The detail pane's assets section, pure: linked ones first (✓), then the requester's others. */
import { statusLabel } from '../../domain/asset.js';
import { sanitizeLine } from '../../domain/sanitize.js';
import type { AssetView } from '../../store/assets.js';
import type { Line } from './detail-lines.js';

const one = (a: AssetView, linked: boolean): Line => ({
  text: `${linked ? '✓' : '·'} ${sanitizeLine(a.tag)}  ${a.type} · ${sanitizeLine(a.model)}${a.status === 'deployed' ? '' : ` · ${statusLabel(a.status)}`}${linked ? '  (linked)' : ''}`,
  color: linked ? 'green' : undefined,
});

/** Nothing when the ticket has no assets and its requester none either. */
export function assetLines(choices: { linked: readonly AssetView[]; owned: readonly AssetView[] } | undefined): Line[] {
  if (!choices || choices.linked.length + choices.owned.length === 0) return [];
  return [
    { text: "── Assets (the requester's; u shows the requester) ──", dim: true },
    ...choices.linked.map((a) => one(a, true)),
    ...choices.owned.map((a) => one(a, false)),
  ];
}
