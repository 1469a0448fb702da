/**
 * `deskline maintain` over a 100k-ticket demo desk (20k with --quick), 30 days after the seed so every
 * resolved ticket closes and every pending one gets its reminder (issue 18: ≤ 2× the same updates typed
 * in raw SQL). Each round copies the seeded file twice: the store's runMaintenance runs on one copy;
 * the baseline, on the other, is the same writes as hand-written set-based SQL through better-sqlite3
 * (status and stamps, audit events without the hash chain, reminders, rule firings), one transaction per rule.
 */
import { copyFileSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { openDatabase } from '../../src/db/database.js';
import { DEFAULT_AUTOMATION } from '../../src/domain/automation-rules.js';
import { runMaintenance } from '../../src/store/maintain.js';
import type { Scenario } from '../lib/scenario.js';
import { seededDesk } from './console-startup.js';

const DAY = 86_400_000;

function rawMaintain(file: string, now: number): number {
  const db = new Database(file);
  try {
    const started = performance.now();
    const closeBefore = now - DEFAULT_AUTOMATION.closeResolvedDays * DAY;
    const remindBefore = now - DEFAULT_AUTOMATION.pendingDays * DAY;
    db.transaction(() => {
      db.prepare(
        `INSERT INTO audit_events (ticket_id, actor, at, action, field, old_value, new_value)
         SELECT id, 'system', ?, 'rule:resolved-closes', 'status', 'resolved', 'closed' FROM tickets WHERE status = 'resolved' AND status_at <= ?`,
      ).run(now, closeBefore);
      db.prepare(
        `UPDATE tickets SET status = 'closed', closed_at = ?, next_due_at = NULL, updated_at = ?, version = version + 1
         WHERE status = 'resolved' AND status_at <= ?`,
      ).run(now, now, closeBefore);
    })();
    db.transaction(() => {
      const due = `FROM tickets t WHERE t.status = 'pending' AND t.status_at <= ? AND NOT EXISTS
        (SELECT 1 FROM rule_firings f WHERE f.ticket_id = t.id AND f.rule = 'pending-reminds' AND f.at >= t.status_at)`;
      db.prepare(
        `INSERT INTO interactions (ticket_id, kind, author_id, author_name, body, minutes, created_at)
         SELECT id, 'reply', NULL, 'Deskline', 'Reminder: we are waiting for your answer to go on with this ticket.', 0, ? ${due}`,
      ).run(now, remindBefore);
      db.prepare(
        `INSERT INTO audit_events (ticket_id, actor, at, action, field, old_value, new_value)
         SELECT id, 'system', ?, 'rule:pending-reminds', 'reminder', NULL, 'sent' ${due}`,
      ).run(now, remindBefore);
      db.prepare(`INSERT INTO rule_firings (ticket_id, rule, at) SELECT id, 'pending-reminds', ? ${due}`).run(now, remindBefore);
      db.prepare(
        `UPDATE tickets SET updated_at = ?, version = version + 1
         WHERE id IN (SELECT ticket_id FROM rule_firings WHERE rule = 'pending-reminds' AND at = ?)`,
      ).run(now, now);
    })();
    return performance.now() - started;
  } finally {
    db.close();
  }
}

const maintain: Scenario = {
  name: 'maintain',
  async run({ quick }) {
    const { env, tickets } = await seededDesk(quick ? 20_000 : 100_000);
    const seeded = env.DESKLINE_DB!;
    // Bring the cached desk to this schema and fold its WAL in, so a file copy is the whole desk.
    const prepared = await openDatabase(seeded);
    prepared.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await prepared.close();
    const now = Date.now() + 30 * DAY;
    const ours: number[] = [];
    const base: number[] = [];
    let fired: Record<string, number> = {};
    for (let round = 0; round < (quick ? 2 : 3); round++) {
      const [a, b] = [`${seeded}.maintain-a`, `${seeded}.maintain-b`];
      copyFileSync(seeded, a);
      copyFileSync(seeded, b);
      try {
        const desk = await openDatabase(a);
        try {
          const started = performance.now();
          fired = (await runMaintenance(desk.db, DEFAULT_AUTOMATION, now)).fired;
          ours.push(performance.now() - started);
        } finally {
          await desk.close();
        }
        base.push(rawMaintain(b, now));
      } finally {
        for (const f of [a, b]) for (const s of ['', '-wal', '-shm']) rmSync(f + s, { force: true });
      }
    }
    const changed = Object.values(fired).reduce((n, x) => n + x, 0);
    return [
      {
        label: `deskline maintain, ${tickets.toLocaleString('en-US')} tickets (${Object.entries(fired)
          .map(([r, n]) => `${r} ${n.toLocaleString('en-US')}`)
          .join(', ')})`,
        unit: 'ms',
        samples: ours,
        baseline: { label: 'the same updates in raw set-based SQL', samples: base },
        target: { op: '<=', value: 2 },
        extra: { changed },
      },
    ];
  },
};

export default maintain;
