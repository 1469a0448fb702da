// Baseline for `deskline ticket list 'status:open prio:high' --limit 50`: the same page and count, bare.
const Database = require('better-sqlite3');
const db = new Database(process.argv[2], { readonly: true });
const rows = db
  .prepare(
    `SELECT t.id, t.title, t.status, t.priority, t.created_at, t.next_due_at, r.name AS requester, a.name AS assignee
  FROM tickets t LEFT JOIN requesters r ON r.id = t.requester_id LEFT JOIN technicians a ON a.id = t.assignee_id
  WHERE t.status = 'open' AND t.priority = 'high'
  ORDER BY ifnull(t.next_due_at, 8640000000000000), t.priority_rank, t.id LIMIT 50`,
  )
  .all();
const { n } = db.prepare(`SELECT count(*) AS n FROM tickets WHERE status = 'open' AND priority = 'high'`).get();
for (const r of rows) process.stdout.write(`HD-${r.id}  ${r.priority}  ${r.status}  ${r.title}\n`);
process.stderr.write(`showing ${rows.length} of ${n}\n`);
