/** What a console write is about (./types.ts holds the rest of the act slice's data). */
/** The tickets a write is about: the selected one, or every marked one. */
export interface Target {
  ids: number[];
  /** `HD-42` or `3 tickets`. */
  label: string;
  /** The marked tickets (a confirmation first; marks clear once written). */
  bulk: boolean;
  /** The version the technician saw (compare-and-set) of a single ticket. */
  version?: number;
  /** Bulk: each marked ticket's version when it was marked (compare-and-set per ticket, all or nothing). */
  versions?: Readonly<Record<number, number>>;
  statuses: string[];
  tier?: string;
  title?: string;
}
