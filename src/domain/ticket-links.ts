/**
 * How tickets relate, as data: each kind of link is stored once per pair, from one side, and read
 * from both (HD-7 duplicate of HD-9 reads "duplicated by HD-7" on HD-9).
 */
export const LINK_KINDS = ['relates', 'duplicate', 'blocks'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** What `--as` accepts: the stored kind, and whether the pair is stored the other way round. */
export const LINK_NAMES: Readonly<Record<string, { kind: LinkKind; reversed: boolean }>> = {
  relates: { kind: 'relates', reversed: false },
  related: { kind: 'relates', reversed: false },
  duplicate: { kind: 'duplicate', reversed: false },
  'duplicate-of': { kind: 'duplicate', reversed: false },
  duplicates: { kind: 'duplicate', reversed: true },
  blocks: { kind: 'blocks', reversed: false },
  'blocked-by': { kind: 'blocks', reversed: true },
};

/** The words a link reads with, from the side that stores it and from the other side. */
export const LINK_LABELS: Readonly<Record<LinkKind, { from: string; to: string }>> = {
  relates: { from: 'relates to', to: 'relates to' },
  duplicate: { from: 'duplicate of', to: 'duplicated by' },
  blocks: { from: 'blocks', to: 'blocked by' },
};

/** The label of a stored link (ticket_id → other_id, kind) as seen from `viewer`. */
export function linkLabel(kind: LinkKind, storedFrom: number, viewer: number): string {
  return storedFrom === viewer ? LINK_LABELS[kind].from : LINK_LABELS[kind].to;
}
