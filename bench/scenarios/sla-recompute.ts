/**
 * Recomputing every ticket's due times after a calendar change (issue: "recomputing due times for
 * 100k tickets after a calendar change (rows/s)"; 20k with --quick). Each round moves the default
 * calendar to another zone, so every ticket with a running clock gets new due times, then runs the
 * store's recomputeAll (the code `deskline sla calendar set` runs). Baseline, in the same process
 * and on the same file: a bare better-sqlite3 pass with the same reads (tickets, status history) and
 * the same number of row updates in one transaction, without any SLA arithmetic. The issue sets
 * no target; 0.25 (a quarter of the bare pass's rate) is ours.
 */
import Database from 'better-sqlite3';
import { openDatabase } from '../../src/db/database.js';
import { recomputeAll } from '../../src/store/sla.js';
import type { Measurement, Scenario } from '../lib/scenario.js';
import { seededDesk } from './console-startup.js';

const ZONES = ['Europe/London', 'America/New_York', 'Asia/Tokyo', 'UTC'];

/** The bare pass: read what recomputeAll reads, write as many rows as it changed. Returns its ms. */
function bareMs(file: string, updates: number): number {
  const db = new Database(file);
  try {
    const started = performance.now();
    db.transaction(() => {
      const tickets = db
        .prepare(
          'SELECT id, priority, status, created_at, first_response_at, first_response_due_at, resolution_due_at, next_due_at FROM tickets ORDER BY id',
        )
        .all() as Array<{ id: number; next_due_at: number | null }>;
      db.prepare("SELECT ticket_id, at, old_value, new_value FROM audit_events WHERE field = 'status' ORDER BY ticket_id, at, id").all();
      const write = db.prepare('UPDATE tickets SET first_response_due_at = ?, resolution_due_at = ?, next_due_at = ? WHERE id = ?');
      for (const t of tickets.slice(0, updates)) write.run(t.next_due_at, t.next_due_at, t.next_due_at, t.id);
    })();
    return performance.now() - started;
  } finally {
    db.close();
  }
}

const slaRecompute: Scenario = {
  name: 'sla-recompute',
  async run({ quick }) {
    const { env, tickets } = await seededDesk(quick ? 20_000 : 100_000);
    const file = env.DESKLINE_DB!;
    const ours: number[] = [];
    const base: number[] = [];
    let changed = 0;
    for (let round = 0; round < (quick ? 2 : 4); round++) {
      const desk = await openDatabase(file);
      try {
        desk.sqlite.prepare("UPDATE sla_calendars SET tz = ? WHERE name = 'default'").run(ZONES[round % ZONES.length]);
        const result = await recomputeAll(desk.db);
        if (result.tickets !== tickets) throw new Error(`recomputeAll saw ${result.tickets} of ${tickets} tickets`);
        changed = result.changed;
        ours.push((result.tickets / result.ms) * 1000);
      } finally {
        await desk.close();
      }
      base.push((tickets / bareMs(file, changed)) * 1000);
    }
    const measurement: Measurement = {
      label: `recompute due times after a calendar change, ${tickets.toLocaleString('en-US')} tickets (${changed.toLocaleString('en-US')} changed)`,
      unit: 'rows/s',
      samples: ours,
      baseline: { label: 'bare better-sqlite3 read + write pass', samples: base },
      target: { op: '>=', value: 0.25 },
    };
    return [measurement];
  },
};

export default slaRecompute;
