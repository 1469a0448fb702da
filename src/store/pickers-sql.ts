/**
 * The pickers' statements (./pickers.ts), written once per dialect from the same parts. A seek is a
 * range on a folded column that its index walks: SQLite's NOCASE indexes of 011; on PostgreSQL the
 * requesters' `lower(x) COLLATE "C"` indexes of the baseline, and the assets' citext columns as they
 * are (citext compares folded). What differs is only how a part is spelled: the table below.
 */
import type { Dialect } from '../db/dialect.js';

/** The values a statement's placeholders stand for, in order: the typed text, its upper bound, the limit. */
export type Slot = 'p' | 'hi' | 'limit' | 'owner';
export interface Statement {
  text: string;
  slots: Slot[];
}

interface Spelling {
  /** A column as its picker index holds it (folded, in its order). */
  fold(column: string): string;
  /** A typed value compared with that folded column. */
  value(column: string, placeholder: string): string;
  placeholder(n: number): string;
  /** The name after its first word, and the test that there is one (the later-words index). */
  later: string;
  hasLater: string;
  /** What goes around a seek to say a row is not in it: a NULL column does not start with the text. */
  notSeek: readonly [string, string];
  always: string;
}

const PG_CITEXT = new Set(['a.tag', 'a.hostname', 'a.serial', 'a.model']);

const SPELLING: Record<Dialect, Spelling> = {
  sqlite: {
    fold: (c) => `${c} COLLATE NOCASE`,
    value: (_c, p) => p,
    placeholder: () => '?',
    later: `substr(name, instr(name, ' ') + 1)`,
    hasLater: `instr(name, ' ') > 0`,
    notSeek: ['NOT ifnull(', ', 0)'],
    always: '1',
  },
  postgres: {
    fold: (c) => (PG_CITEXT.has(c) ? c : `lower(${c}) COLLATE "C"`),
    value: (c, p) => (PG_CITEXT.has(c) ? p : `lower(${p})`),
    placeholder: (n) => `$${n}`,
    later: `substr(name, strpos(name, ' ') + 1)`,
    hasLater: `strpos(name, ' ') > 0`,
    notSeek: ['NOT coalesce(', ', false)'],
    always: 'true',
  },
};

/** A part of a statement: SQL text, or the placeholder of a slot (given the column it is compared with). */
type Part = string | { slot: Slot; column?: string };

function build(spelling: Spelling, parts: Part[]): Statement {
  const slots: Slot[] = [];
  const text = parts
    .map((part) => {
      if (typeof part === 'string') return part;
      slots.push(part.slot);
      const placeholder = spelling.placeholder(slots.length);
      return part.column === undefined ? placeholder : spelling.value(part.column, placeholder);
    })
    .join('');
  return { text, slots };
}

export interface PickerStatements {
  requesters: Statement;
  allRequesters: Statement;
  assets: Statement;
  ownedAssets: Statement;
  allAssets: Statement;
}

const LIMIT: Part = { slot: 'limit' };

export function pickerStatements(dialect: Dialect): PickerStatements {
  const s = SPELLING[dialect];
  /** `column` starts with the typed text: a range its index seeks. */
  const seek = (c: string): Part[] => [`${s.fold(c)} >= `, { slot: 'p', column: c }, ` AND ${s.fold(c)} < `, { slot: 'hi', column: c }];
  /** …and none of `columns` does (an earlier branch has those rows). */
  const none = (columns: readonly string[]): Part[] => columns.flatMap((c) => [` AND ${s.notSeek[0]}`, ...seek(c), s.notSeek[1]]);
  const person = 'SELECT id, name, email, department, vip FROM requesters';
  const requesters = build(s, [
    `SELECT * FROM (${person} WHERE `,
    ...seek('name'),
    ` ORDER BY ${s.fold('name')}, id LIMIT `,
    LIMIT,
    `) AS by_name UNION ALL SELECT * FROM (${person} WHERE `,
    ...seek('email'),
    ...none(['name']),
    ` ORDER BY ${s.fold('email')} LIMIT `,
    LIMIT,
    `) AS by_email UNION ALL SELECT * FROM (${person} WHERE ${s.hasLater} AND `,
    ...seek(s.later),
    ...none(['name', 'email']),
    ' LIMIT ',
    LIMIT,
    ') AS by_later_word LIMIT ',
    LIMIT,
  ]);
  const thing = `SELECT a.id, a.tag, a.type, a.model, a.hostname, a.status, r.name AS owner_name
  FROM assets a LEFT JOIN requesters r ON r.id = a.owner_id`;
  const keys = ['a.tag', 'a.hostname', 'a.serial', 'a.model'];
  const assets = build(s, [
    ...keys.flatMap((key, i): Part[] => [
      i ? `) AS by_key_${i - 1} UNION ALL ` : '',
      `SELECT * FROM (${thing} WHERE `,
      ...seek(key),
      ...none(keys.slice(0, i)),
      ` ORDER BY ${key} LIMIT `,
      LIMIT,
    ]),
    // The order of assets_owner (owner, tag): ordering by tag alone walked every asset's tag.
    `) AS by_key_${keys.length - 1} UNION ALL SELECT * FROM (SELECT a.id, a.tag, a.type, a.model, a.hostname, a.status, o.name AS owner_name
    FROM (SELECT id, name FROM requesters WHERE `,
    ...seek('name'),
    ` ORDER BY ${s.fold('name')} LIMIT `,
    LIMIT,
    `) o JOIN assets a ON a.owner_id = o.id WHERE ${s.always}`,
    ...none(keys),
    ' ORDER BY a.owner_id, a.tag LIMIT ',
    LIMIT,
    ') AS by_owner LIMIT ',
    LIMIT,
  ]);
  return {
    requesters,
    allRequesters: build(s, [`${person} ORDER BY ${s.fold('name')}, id LIMIT `, LIMIT]),
    assets,
    ownedAssets: build(s, [`${thing} WHERE a.owner_id = `, { slot: 'owner' }, ' ORDER BY a.owner_id, a.tag LIMIT ', LIMIT]),
    allAssets: build(s, [`${thing} ORDER BY a.tag LIMIT `, LIMIT]),
  };
}
