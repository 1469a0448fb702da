/**
 * The requester and asset pickers: answers per keystroke over large desks (50k requesters, 100k
 * assets). Each picker is ONE statement, written once (its text never changes, so the connection's
 * statement cache prepares it once): a UNION ALL of prefix seeks on the NOCASE indexes of 011, each
 * branch limited and leaving out what an earlier branch matches, under an outer LIMIT at which
 * SQLite stops (a tag typed in full never runs the later branches). A requester is found by the
 * start of their name, of an address, or of any later word of the name; an asset by the start of
 * its tag, hostname, serial or model, or of its owner's name.
 */
import { CompiledQuery } from 'kysely';
import type { Executor } from './executor.js';
import { isDesklineError } from '../errors.js';
import { getRequester } from './requesters.js';

export interface PickedRequester {
  id: number;
  name: string;
  email: string | null;
  department: string | null;
  vip: number;
}

export interface PickedAsset {
  id: number;
  tag: string;
  type: string;
  model: string;
  hostname: string | null;
  status: string;
  owner_name: string | null;
}

/** The last code point: every text starting with `p` sorts before `p + TOP` (NOCASE compares bytes after folding ASCII). */
const TOP = '\u{10ffff}';

/**
 * The SQL's `?` in order stand for these: the typed text, its upper bound, the limit. Each text is
 * built once with its list of slots, so a keystroke only fills the values in.
 */
type Slot = 'p' | 'hi' | 'limit' | 'owner';
interface Statement {
  text: string;
  slots: Slot[];
}

/** Builds a statement from parts, where a slot name in the parts stands for its `?`. */
function statement(...parts: (string | Slot[])[]): Statement {
  const slots: Slot[] = [];
  const text = parts.map((part) => (typeof part === 'string' ? part : (slots.push(...part), part.map(() => '?').join(', ')))).join('');
  return { text, slots };
}

/** `column` starts with the typed text: a range its NOCASE index seeks. */
const seek = (column: string): (string | Slot[])[] => [`${column} COLLATE NOCASE >= `, ['p'], ` AND ${column} COLLATE NOCASE < `, ['hi']];
/** …and none of `columns` does (an earlier branch has those rows); NULL counts as not starting with it. */
const none = (columns: readonly string[]) => columns.flatMap((c) => [' AND NOT ifnull(', ...seek(c), ', 0)']);
const limit: Slot[] = ['limit'];

/** The name after its first word, exactly as the index requesters_later_words (011) writes it. */
const LATER = `substr(name, instr(name, ' ') + 1)`;

const PERSON = 'SELECT id, name, email, department, vip FROM requesters';
const REQUESTERS = statement(
  `SELECT * FROM (${PERSON} WHERE `,
  ...seek('name'),
  ' ORDER BY name COLLATE NOCASE, id LIMIT ',
  limit,
  `) UNION ALL SELECT * FROM (${PERSON} WHERE `,
  ...seek('email'),
  ...none(['name']),
  ' ORDER BY email COLLATE NOCASE LIMIT ',
  limit,
  `) UNION ALL SELECT * FROM (${PERSON} WHERE instr(name, ' ') > 0 AND `,
  ...seek(LATER),
  ...none(['name', 'email']),
  ' LIMIT ',
  limit,
  ') LIMIT ',
  limit,
);
const ALL_REQUESTERS = statement(`${PERSON} ORDER BY name COLLATE NOCASE, id LIMIT `, limit);

const THING = `SELECT a.id, a.tag, a.type, a.model, a.hostname, a.status, r.name AS owner_name
  FROM assets a LEFT JOIN requesters r ON r.id = a.owner_id`;
const KEYS = ['a.tag', 'a.hostname', 'a.serial', 'a.model'];
const ASSETS = statement(
  ...KEYS.flatMap((key, i) => [
    i ? ') UNION ALL ' : '',
    `SELECT * FROM (${THING} WHERE `,
    ...seek(key),
    ...none(KEYS.slice(0, i)),
    ` ORDER BY ${key} LIMIT `,
    limit,
  ]),
  // The order of assets_owner (owner, tag): ordering by tag alone walked every asset's tag.
  `) UNION ALL SELECT * FROM (SELECT a.id, a.tag, a.type, a.model, a.hostname, a.status, o.name AS owner_name
    FROM (SELECT id, name FROM requesters WHERE `,
  ...seek('name'),
  ' ORDER BY name COLLATE NOCASE LIMIT ',
  limit,
  ') o JOIN assets a ON a.owner_id = o.id WHERE 1',
  ...none(KEYS),
  ' ORDER BY a.owner_id, a.tag LIMIT ',
  limit,
  ') LIMIT ',
  limit,
);
const OWNED_ASSETS = statement(`${THING} WHERE a.owner_id = `, ['owner'], ' ORDER BY a.owner_id, a.tag LIMIT ', limit);
const ALL_ASSETS = statement(`${THING} ORDER BY a.tag LIMIT `, limit);

const clean = (text: string) => text.trim().replace(/\s+/g, ' ');

async function run<T>(db: Executor, { text, slots }: Statement, values: Record<Slot, unknown>): Promise<T[]> {
  return (
    await db.executeQuery<T>(
      CompiledQuery.raw(
        text,
        slots.map((slot) => values[slot]),
      ),
    )
  ).rows;
}

export async function pickRequesters(db: Executor, text: string, limit = 8): Promise<PickedRequester[]> {
  const p = clean(text);
  return run(db, p ? REQUESTERS : ALL_REQUESTERS, { p, hi: p + TOP, limit, owner: null });
}

export async function pickAssets(db: Executor, text: string, limit = 8, ownerId: number | null = null): Promise<PickedAsset[]> {
  const p = clean(text);
  const which = p ? ASSETS : ownerId !== null ? OWNED_ASSETS : ALL_ASSETS;
  return run(db, which, { p, hi: p + TOP, limit, owner: ownerId });
}

/**
 * The assets of the requester a form's text names (`Name <email>`, an address, a name or an id):
 * none when it names nobody yet (a new requester is created with the ticket).
 */
export async function pickRequesterAssets(db: Executor, who: string, limit = 8): Promise<PickedAsset[]> {
  const key = (/<([^<>]+)>\s*$/.exec(who)?.[1] ?? who).trim();
  if (!key) return [];
  try {
    return await pickAssets(db, '', limit, (await getRequester(db, key)).id);
  } catch (error) {
    if (isDesklineError(error)) return [];
    throw error;
  }
}
