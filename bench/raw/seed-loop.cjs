// Baseline for `deskline demo seed --tickets N`: a bare prepared-statement insert loop of N ticket
// rows in one transaction into a migrated, empty desk (argv: db path, N).
const Database = require('better-sqlite3');
const db = new Database(process.argv[2]);
db.pragma('journal_mode = WAL');
const n = Number(process.argv[3]);
const insert = db.prepare(`INSERT INTO tickets (title, description, status, priority, priority_rank, category, channel, tier,
  created_at, updated_at, next_due_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 'L1', ?, ?, ?, 1)`);
const statuses = ['new', 'open', 'pending', 'resolved', 'closed'];
const priorities = ['urgent', 'high', 'normal', 'low'];
const now = Date.now();
db.transaction(() => {
  for (let i = 0; i < n; i++) {
    const p = i % 4;
    const t = now - i * 60_000;
    insert.run(`Printer on floor ${i % 9} jams when printing duplex`, 'The printer shows a paper jam after every second page.',
      statuses[i % 5], priorities[p], p + 1, 'printer', 'email', t, t, t + 8 * 3600e3);
  }
})();
