// Baseline for `deskline demo seed --tickets N`: bare prepared statements in one transaction writing
// the same rows per ticket as the demo (1 ticket, 2 tag links, 3 interactions, 1 audit event) into a
// migrated, empty desk, with fixed text instead of generated text (argv: db path, N).
const Database = require('better-sqlite3');
const db = new Database(process.argv[2]);
db.pragma('journal_mode = WAL');
const n = Number(process.argv[3]);
const ticket = db.prepare(`INSERT INTO tickets (id, title, description, status, priority, priority_rank, category, channel, tier,
  created_at, updated_at, next_due_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'L1', ?, ?, ?, 1)`);
const tagLink = db.prepare('INSERT INTO ticket_tags (ticket_id, tag_id) VALUES (?, ?)');
const interaction = db.prepare(
  'INSERT INTO interactions (ticket_id, kind, author_id, author_name, body, minutes, created_at) VALUES (?, ?, NULL, ?, ?, ?, ?)',
);
const audit = db.prepare("INSERT INTO audit_events (ticket_id, actor, at, action) VALUES (?, 'demo', ?, 'create')");
const statuses = ['new', 'open', 'pending', 'resolved', 'closed'];
const priorities = ['urgent', 'high', 'normal', 'low'];
const now = Date.now();
db.transaction(() => {
  for (let t = 1; t <= 10; t++) db.prepare('INSERT INTO tags (id, name) VALUES (?, ?)').run(t, `tag${t}`);
  for (let i = 1; i <= n; i++) {
    const p = i % 4;
    const at = now - i * 60_000;
    ticket.run(
      i,
      `Printer on floor ${i % 9} jams when printing duplex`,
      'The printer shows a paper jam after every second page.',
      statuses[i % 5],
      priorities[p],
      p + 1,
      'printer',
      'email',
      at,
      at,
      at + 8 * 3600e3,
    );
    tagLink.run(i, 1 + (i % 10));
    tagLink.run(i, 1 + ((i + 5) % 10));
    interaction.run(i, 'email_in', 'Requester', 'It happened again this morning.', 0, at);
    interaction.run(i, 'reply', 'Technician', 'Thanks, I have cleared the fuser and reset the tray.', 15, at + 3600e3);
    interaction.run(i, 'note', 'Technician', 'Fuser replaced under warranty.', 5, at + 7200e3);
    audit.run(i, at);
  }
})();
