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

/** `models` as a CASE on `n % models.length`. */
const pickModel = (models: readonly string[], n: string) =>
  sql.raw(`CASE ${n} % ${models.length} ${models.map((m, i) => `WHEN ${i} THEN '${m}'`).join(' ')} END`);

export async function seedDemoExtras(db: Executor, now: number): Promise<{ groups: number; assets: number }> {
  return withImmediate(db, async (trx) => {
    for (const g of DEMO_GROUPS) {
      await sql`INSERT OR IGNORE INTO groups (name, created_at) VALUES (${g.name}, ${now})`.execute(trx);
      await sql`INSERT OR IGNORE INTO group_members (group_id, technician_id)
        SELECT g.id, t.id FROM groups g JOIN technicians t ON t.tier = ${g.tier} WHERE g.name = ${g.name}`.execute(trx);
      if (g.tier !== 'L1')
        await sql`UPDATE tickets SET group_id = (SELECT id FROM groups WHERE name = ${g.name})
          WHERE tier = ${g.tier} AND group_id IS NULL AND status IN ('new', 'open', 'pending', 'on_hold')`.execute(trx);
    }
    const bought = (n: string) => sql.raw(`${now} - ((${n} * 37) % 1000 + 30) * ${DAY} - (${now} % ${DAY})`);
    const device = (type: 'laptop' | 'monitor' | 'phone', prefix: string, every: number) =>
      sql`INSERT OR IGNORE INTO assets (tag, type, model, serial, owner_id, location, hostname, protocol, status, purchased_at, warranty_until, created_at, updated_at)
        SELECT ${prefix} || '-' || printf('%05d', r.id), ${type}, ${pickModel(MODELS[type], 'r.id')}, 'SN' || printf('%08d', (r.id * 7919) % 100000000),
          r.id, r.department, ${type === 'laptop' ? sql`lower(${prefix}) || printf('%05d', r.id) || '.corp.example'` : null},
          ${type === 'laptop' ? 'rdp' : null}, 'deployed', ${bought('r.id')}, ${bought('r.id')} + 3 * 365 * ${DAY}, ${now}, ${now}
        FROM requesters r WHERE r.id % ${every} = 0`.execute(trx);
    await device('laptop', 'LT', 1);
    await device('monitor', 'MN', 2);
    await device('phone', 'PH', 3);
    await sql`INSERT OR IGNORE INTO assets (tag, type, model, status, location, purchased_at, created_at, updated_at)
      SELECT 'PR-' || printf('%03d', row_number() OVER (ORDER BY department)), 'printer', 'HP LaserJet M404', 'deployed', department, ${now - 400 * DAY}, ${now}, ${now}
      FROM (SELECT DISTINCT department FROM requesters WHERE department IS NOT NULL)`.execute(trx);
    for (let i = 1; i <= 5; i++)
      await sql`INSERT OR IGNORE INTO assets (tag, type, model, status, location, purchased_at, warranty_until, created_at, updated_at)
        VALUES (${`LT-S${String(i).padStart(3, '0')}`}, 'laptop', 'Latitude 5440', 'in_stock', 'IT store room', ${now - 20 * DAY}, ${now + 1075 * DAY}, ${now}, ${now})`.execute(
        trx,
      );
    await sql`INSERT INTO asset_owners (asset_id, requester_id, at, actor)
      SELECT a.id, a.owner_id, a.purchased_at, 'demo' FROM assets a
      WHERE a.owner_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM asset_owners o WHERE o.asset_id = a.id)`.execute(trx);
    await sql`INSERT OR IGNORE INTO ticket_assets (ticket_id, asset_id, linked_at, linked_by)
      SELECT t.id, a.id, t.created_at, 'demo' FROM tickets t JOIN assets a ON a.owner_id = t.requester_id AND a.type = 'laptop'
      WHERE t.category = 'hardware'`.execute(trx);
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
