// Baseline for `deskline sync init` (bench/lib/sync-init.ts): the same tables of a server desk copied
// with raw `pg` and better-sqlite3 into an empty (migrated) desk file: keyset pages of 2,000 rows,
// one prepared INSERT per table run row by row, all in one transaction, the file's triggers on (its
// search index and summaries are kept as a replica's are). No snapshot, counts, progress or sync
// state. Writes {"ms", "rows", "rssMb"} (peak resident memory) as JSON to the file named first.
// node pg-copy-rows.cjs OUT postgres://… desk.db
const { writeFileSync } = require('node:fs');
const Database = require('better-sqlite3');
const pg = require('pg');

const TABLES = [
  ['technicians', 'id'],
  ['requesters', 'id'],
  ['groups', 'id'],
  ['tickets', 'id'],
  ['tags', 'id'],
  ['ticket_tags', 'ticket_id, tag_id'],
  ['interactions', 'id'],
  ['sync_fields', 'ticket_id, field'],
  ['sync_conflicts', 'id'],
];
const PAGE = 2000;

async function main() {
  const [out, url, file] = process.argv.slice(2);
  const started = performance.now();
  const desk = new Database(file);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let rows = 0;
  desk.exec('BEGIN');
  desk.pragma('defer_foreign_keys = ON');
  for (const [table] of [...TABLES].reverse()) desk.exec(`DELETE FROM ${table}`);
  for (const [table, key] of TABLES) {
    const cols = desk
      .prepare(`SELECT name FROM pragma_table_info(?)`)
      .all(table)
      .map((c) => c.name);
    const insert = desk.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
    // A cursor pages the ordered rows (one query, fetched PAGE at a time).
    await client.query('BEGIN');
    await client.query(`DECLARE c NO SCROLL CURSOR FOR SELECT ${cols.join(', ')} FROM ${table} ORDER BY ${key}`);
    for (;;) {
      const page = await client.query(`FETCH ${PAGE} FROM c`);
      for (const r of page.rows) insert.run(cols.map((c) => (typeof r[c] === 'boolean' ? Number(r[c]) : r[c])));
      rows += page.rows.length;
      if (page.rows.length < PAGE) break;
    }
    await client.query('COMMIT');
  }
  desk.exec('COMMIT');
  await client.end();
  desk.close();
  const ms = performance.now() - started;
  writeFileSync(out, JSON.stringify({ ms, rows, rssMb: process.resourceUsage().maxRSS / 1024 }));
}

main().catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
