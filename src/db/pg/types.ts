/**
 * How `pg` hands numbers back. Times are bigint ms since the epoch and ids are bigint identities;
 * `pg` returns int8 (and numeric, which sum() of a bigint gives) as strings by default. Deskline's
 * values fit in a JS number (2^53 ms is year 287,396), so both are parsed to Number, as better-sqlite3
 * returns them. The parsers are process-wide: call this before the first query on any pool.
 */
import pg from 'pg';

const INT8 = 20;
const NUMERIC = 1700;

export function setPgNumberTypes(): void {
  pg.types.setTypeParser(INT8, (text: string) => Number(text));
  pg.types.setTypeParser(NUMERIC, (text: string) => Number(text));
}

/** The name the team-mode plan gives it. Call setPgNumberTypes: lint's React hooks rule flags any call of `use…` outside a component. */
export const usePgNumberTypes = setPgNumberTypes;
