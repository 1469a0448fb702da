/**
 * The requester and asset pickers (store/pickers.ts) per keystroke, on a desk of 50,000 requesters
 * and 100,000 assets (10k / 20k with --quick): every prefix of a name, address, tag or host name is
 * typed one character at a time and each keystroke's store call is timed. The baseline, in the same
 * run, is raw better-sqlite3 running the simplest prefix lookup a picker could make (one prepared
 * statement on the same NOCASE index, no kysely); a naive `LIKE '%…%'` scan is reported beside it.
 * Targets: p95 per keystroke ≤ 16 ms (one frame at 60 Hz; reported in `extra`), and ours within
 * 4× the raw lookup's median (it asks up to five indexes where the baseline asks one).
 */
import { join } from 'node:path';
import { openDatabase, type Desk } from '../../src/db/database.js';
import { FIRST_NAMES, LAST_NAMES } from '../../src/demo/catalog.js';
import { pickAssets, pickRequesters } from '../../src/store/pickers.js';
import { benchDesk } from '../lib/env.js';
import type { Measurement, Scenario } from '../lib/scenario.js';
import { median, percentile } from '../lib/stats.js';

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES = ['laptop', 'desktop', 'monitor', 'printer', 'phone', 'licence', 'other'];
const PREFIX: Record<string, string> = {
  laptop: 'LT',
  desktop: 'DT',
  monitor: 'MN',
  printer: 'PR',
  phone: 'PH',
  licence: 'LI',
  other: 'OT',
};
const MODELS = ['Latitude 5440', 'ThinkPad T14', 'EliteBook 840', 'OptiPlex 7010', 'P2422H', 'LaserJet M404', 'iPhone 14', 'M365 E3'];

/** Writes the people and assets with prepared statements in one transaction. */
function fill(desk: Desk, requesters: number, assets: number): { names: string[]; emails: string[]; tags: string[]; hosts: string[] } {
  const rand = random(11);
  const one = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const names: string[] = [];
  const emails: string[] = [];
  const tags: string[] = [];
  const hosts: string[] = [];
  const addPerson = desk.sqlite.prepare('INSERT INTO requesters (name, email, department, created_at) VALUES (?, ?, ?, 0)');
  const addAsset = desk.sqlite.prepare(
    `INSERT INTO assets (tag, type, model, serial, owner_id, hostname, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0)`,
  );
  desk.sqlite.transaction(() => {
    for (let i = 0; i < requesters; i++) {
      const name = `${one(FIRST_NAMES)} ${one(LAST_NAMES)}`;
      const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${i}@example.com`;
      addPerson.run(name, email, 'Finance');
      names.push(name);
      emails.push(email);
    }
    for (let i = 0; i < assets; i++) {
      const type = one(TYPES);
      const tag = `${PREFIX[type]}-${String(i).padStart(6, '0')}`;
      const host = type === 'laptop' || type === 'desktop' ? `${PREFIX[type]!.toLowerCase()}${i}.corp.example` : null;
      const owner = rand() < 0.8 ? 1 + Math.floor(rand() * requesters) : null;
      addAsset.run(tag, type, one(MODELS), `SN${(i * 2654435761) >>> 0}`, owner, host, owner ? 'deployed' : 'in_stock');
      tags.push(tag);
      if (host) hosts.push(host);
    }
  })();
  desk.sqlite.exec('ANALYZE');
  return { names, emails, tags, hosts };
}

/** Every prefix of each word, as typed one keystroke at a time. */
const keystrokes = (words: readonly string[]) => words.flatMap((w) => Array.from({ length: w.length }, (_, i) => w.slice(0, i + 1)));

const time = async (f: () => unknown) => {
  const start = process.hrtime.bigint();
  await f();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

const round = (n: number) => Math.round(n * 100) / 100;

async function run(
  desk: Desk,
  typed: string[],
  ours: (t: string) => Promise<unknown>,
  raw: (t: string) => unknown,
  naive: (t: string) => unknown,
) {
  for (const t of typed.slice(0, 20)) await ours(t); // warm the statement caches
  const o: number[] = [];
  const b: number[] = [];
  const n: number[] = [];
  for (const t of typed) {
    o.push(await time(() => ours(t)));
    b.push(await time(() => raw(t)));
  }
  for (const t of typed.slice(0, 40)) n.push(await time(() => naive(t)));
  return { ours: o, raw: b, naive: n };
}

const pickers: Scenario = {
  name: 'pickers',
  async run({ quick }) {
    const [people, things] = quick ? [10_000, 20_000] : [50_000, 100_000];
    const tmp = benchDesk('deskline-bench-pickers-');
    const desk = await openDatabase(join(tmp.dir, 'pickers.db'));
    try {
      const data = fill(desk, people, things);
      const rand = random(5);
      const sample = <T>(xs: readonly T[], k: number) => Array.from({ length: k }, () => xs[Math.floor(rand() * xs.length)]!);
      const k = quick ? 10 : 30;
      const requesterTyping = keystrokes([...sample(data.names, k), ...sample(data.emails, k / 2), ...sample(LAST_NAMES, k / 2)]);
      const assetTyping = keystrokes([...sample(data.tags, k), ...sample(data.hosts, k / 2), ...sample(data.names, k / 2)]);
      const rawPerson = desk.sqlite.prepare(
        'SELECT id, name, email FROM requesters WHERE name COLLATE NOCASE >= ? AND name COLLATE NOCASE < ? ORDER BY name COLLATE NOCASE, id LIMIT 8',
      );
      const rawAsset = desk.sqlite.prepare('SELECT id, tag FROM assets WHERE tag >= ? AND tag < ? ORDER BY tag LIMIT 8');
      const naivePerson = desk.sqlite.prepare(`SELECT id FROM requesters WHERE name LIKE ? OR email LIKE ? LIMIT 8`);
      const naiveAsset = desk.sqlite.prepare(`SELECT id FROM assets WHERE tag LIKE ? OR hostname LIKE ? OR model LIKE ? LIMIT 8`);
      const top = '\u{10ffff}';
      const r = await run(
        desk,
        requesterTyping,
        (t) => pickRequesters(desk.db, t, 8),
        (t) => rawPerson.all(t, t + top),
        (t) => naivePerson.all(`%${t}%`, `%${t}%`),
      );
      const a = await run(
        desk,
        assetTyping,
        (t) => pickAssets(desk.db, t, 8),
        (t) => rawAsset.all(t, t + top),
        (t) => naiveAsset.all(`%${t}%`, `%${t}%`, `%${t}%`),
      );
      const row = (what: string, count: number, m: typeof r): Measurement => ({
        label: `${what} picker per keystroke (${count.toLocaleString('en-US')})`,
        unit: 'ms',
        samples: m.ours,
        baseline: { label: 'raw better-sqlite3 prefix lookup, one index', samples: m.raw },
        target: { op: '<=', value: 4 },
        extra: {
          keystrokes: m.ours.length,
          p50_ms: round(median(m.ours)),
          p95_ms: round(percentile(m.ours, 95)),
          max_ms: round(Math.max(...m.ours)),
          p95_within_16ms: percentile(m.ours, 95) <= 16 ? 'yes' : 'NO',
          raw_p95_ms: round(percentile(m.raw, 95)),
          naive_like_scan_p50_ms: round(median(m.naive)),
          naive_like_scan_p95_ms: round(percentile(m.naive, 95)),
        },
      });
      return [row('requester', people, r), row('asset', things, a)];
    } finally {
      await desk.close();
      tmp.dispose();
    }
  },
};

export default pickers;
