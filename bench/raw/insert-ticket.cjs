// Baseline for `deskline ticket create`: the same one-row insert done with bare better-sqlite3.
const Database = require('better-sqlite3');
const db = new Database(process.argv[2]);
db.pragma('journal_mode = WAL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
const now = Date.now();
const id = db.transaction(() => {
  const r = db
    .prepare(
      `INSERT INTO tickets (title, description, status, priority, priority_rank, category, channel, tier,
    created_at, updated_at, next_due_at, version) VALUES (?, '', 'new', 'normal', 3, 'other', 'cli', 'L1', ?, ?, ?, 1)`,
    )
    .run(process.argv[3], now, now, now + 8 * 3600e3);
  db.prepare(`INSERT INTO audit_events (ticket_id, actor, at, action) VALUES (?, 'bench', ?, 'create')`).run(r.lastInsertRowid, now);
  return r.lastInsertRowid;
})();
process.stdout.write(`HD-${id}\n`);
