/**
 * The desk's connection, as the console tells it: while the change feed is cut (a PostgreSQL desk
 * whose server went away) the status bar says so in place of other notices, and once it is back it
 * says "reconnected" once (the feed then reports a change, which reloads what is shown).
 */
import type { State } from './types.js';

export const LINK_LOST = 'connection to the desk lost — reconnecting…';
export const LINK_BACK = 'reconnected';

export function reduceLink(s: State, lost: boolean): State {
  if (lost) return s.link === 'lost' ? s : { ...s, link: 'lost' };
  return s.link === 'lost' ? { ...s, link: null, notice: LINK_BACK } : s;
}

/** What the status bar shows for the connection, or null when it is fine. */
export const linkNotice = (s: Pick<State, 'link'>): string | null => (s.link === 'lost' ? LINK_LOST : null);
