/**
 * The demo desk's groups and assets, written after its tickets (demo/seed.ts) in one transaction of
 * set-based statements: idempotent (names and tags are unique; a second run adds nothing) and
 * deterministic (everything follows from the rows' ids and `now`).
 * - Groups by tier: Service Desk L1, Desktop Support L2, Network L3, each with its tier's technicians;
 *   open L2/L3 tickets belong to their tier's group (the unassigned ones wait in its queue).
 * - Assets: a laptop for every requester, a monitor for every second, a phone for every third,
 *   a printer per department and a few laptops in stock; hardware tickets link the requester's laptop.
 */
import { sql } from 'kysely';
import { dialectOf, type Dialect } from '../db/dialect.js';
import { withImmediate } from '../db/immediate.js';
import type { Executor } from './executor.js';

export const DEMO_GROUPS: readonly { name: string; tier: string }[] = [
  { name: 'Service Desk L1', tier: 'L1' },
  { name: 'Desktop Support L2', tier: 'L2' },
  { name: 'Network L3', tier: 'L3' },
];

const DAY = 86_400_000;
const MODELS = {
  laptop: ['Latitude 5440', 'ThinkPad T14', 'EliteBook 840'],
  monitor: ['Dell P2422H', 'LG 27UL550'],
  phone: ['iPhone 14', 'Pixel 8'],
};

/** A number as text with leading zeros, `width` digits (SQLite has printf, PostgreSQL lpad). */
const PAD: Readonly<Record<Dialect, (n: string, width: number) => string>> = {
  sqlite: (n, width) => `printf('%0${width}d', ${n})`,
  postgres: (n, width) => `lpad(CAST(${n} AS text), ${width}, '0')`,
};

/** `models` as a CASE on `n % models.length`. */
const pickModel = (models: readonly string[], n: string) =>
  sql.raw(`CASE ${n} % ${models.length} ${models.map((m, i) => `WHEN ${i} THEN '${m}'`).join(' ')} END`);

export async function seedDemoExtras(db: Executor, now: number): Promise<{ groups: number; assets: number }> {
  return withImmediate(db, async (trx) => {
    const pad = (n: string, width: number) => sql.raw(PAD[dialectOf(trx)](n, width));
    // Times as bigint: a parameter in a SELECT list has no column to take its type from on PostgreSQL.
    const at = (ms: number) => sql.raw(`CAST(${Math.trunc(ms)} AS BIGINT)`);
    for (const g of DEMO_GROUPS) {
      await sql`INSERT INTO groups (name, created_at) VALUES (${g.name}, ${now}) ON CONFLICT DO NOTHING`.execute(trx);
      await sql`INSERT INTO group_members (group_id, technician_id)
        SELECT g.id, t.id FROM groups g JOIN technicians t ON t.tier = ${g.tier} WHERE g.name = ${g.name} ON CONFLICT DO NOTHING`.execute(
        trx,
      );
      if (g.tier !== 'L1')
        await sql`UPDATE tickets SET group_id = (SELECT id FROM groups WHERE name = ${g.name})
          WHERE tier = ${g.tier} AND group_id IS NULL AND status IN ('new', 'open', 'pending', 'on_hold')`.execute(trx);
    }
    const bought = (n: string) => sql.raw(`${now} - ((${n} * 37) % 1000 + 30) * ${DAY} - (${now} % ${DAY})`);
    const device = (type: 'laptop' | 'monitor' | 'phone', prefix: string, every: number) =>
      sql`INSERT INTO assets (tag, type, model, serial, owner_id, location, hostname, protocol, status, purchased_at, warranty_until, created_at, updated_at)
        SELECT ${`${prefix}-`} || ${pad('r.id', 5)}, ${sql.lit(type)}, ${pickModel(MODELS[type], 'r.id')}, 'SN' || ${pad('(r.id * 7919) % 100000000', 8)},
          r.id, r.department, ${type === 'laptop' ? sql`${prefix.toLowerCase()} || ${pad('r.id', 5)} || '.corp.example'` : sql`NULL`},
          ${type === 'laptop' ? sql`'rdp'` : sql`NULL`}, 'deployed', ${bought('r.id')}, ${bought('r.id')} + ${sql.raw(String(3 * 365 * DAY))}, ${at(now)}, ${at(now)}
        FROM requesters r WHERE r.id % ${every} = 0 ON CONFLICT DO NOTHING`.execute(trx);
    await device('laptop', 'LT', 1);
    await device('monitor', 'MN', 2);
    await device('phone', 'PH', 3);
    await sql`INSERT INTO assets (tag, type, model, status, location, purchased_at, created_at, updated_at)
      SELECT 'PR-' || ${pad('row_number() OVER (ORDER BY department)', 3)}, 'printer', 'HP LaserJet M404', 'deployed', department, ${at(now - 400 * DAY)}, ${at(now)}, ${at(now)}
      FROM (SELECT DISTINCT department FROM requesters WHERE department IS NOT NULL) AS d WHERE true ON CONFLICT DO NOTHING`.execute(trx);
    for (let i = 1; i <= 5; i++)
      await sql`INSERT INTO assets (tag, type, model, status, location, purchased_at, warranty_until, created_at, updated_at)
        VALUES (${`LT-S${String(i).padStart(3, '0')}`}, 'laptop', 'Latitude 5440', 'in_stock', 'IT store room', ${now - 20 * DAY}, ${now + 1075 * DAY}, ${now}, ${now})
        ON CONFLICT DO NOTHING`.execute(trx);
    await sql`INSERT INTO asset_owners (asset_id, requester_id, at, actor)
      SELECT a.id, a.owner_id, a.purchased_at, 'demo' FROM assets a
      WHERE a.owner_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM asset_owners o WHERE o.asset_id = a.id)`.execute(trx);
    await sql`INSERT INTO ticket_assets (ticket_id, asset_id, linked_at, linked_by)
      SELECT t.id, a.id, t.created_at, 'demo' FROM tickets t JOIN assets a ON a.owner_id = t.requester_id AND a.type = 'laptop'
      WHERE t.category = 'hardware' ON CONFLICT DO NOTHING`.execute(trx);
    const count = async (table: 'groups' | 'assets') =>
      Number(
        (
          await trx
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return { groups: await count('groups'), assets: await count('assets') };
  });
}
