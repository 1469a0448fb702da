// Baseline for `db migrate --from-sqlite` (bench/scenarios/pg-migrate.ts): the same rows of the same
// desk file written to the same (initialised) server schema with raw `pg`, multi-row inserts of 500
// rows in one transaction, every trigger and foreign-key check off (session_replication_role =
// replica: a superuser's shortcut), and none of the move's work besides: no order, counts, search
// data, sequences or attachment files. Prints the rows written.
const Database = require('better-sqlite3');
const pg = require('pg');

async function main() {
  const [url, file] = process.argv.slice(2);
  const src = new Database(file, { readonly: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows: tables } = await client.query(`
    SELECT c.relname AS name, array_agg(a.attname::text ORDER BY a.attnum) AS cols
    FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
    WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace AND a.attnum > 0 AND NOT a.attisdropped
      AND a.attgenerated = '' AND c.relname NOT IN ('deskline_schema', 'ticket_search', 'ticket_words')
    GROUP BY c.relname`);
  await client.query('BEGIN');
  await client.query('SET LOCAL session_replication_role = replica');
  let total = 0;
  for (const { name, cols } of tables) {
    await client.query(`DELETE FROM "${name}"`);
    const per = Math.min(500, Math.floor(65535 / cols.length));
    const text = (n) =>
      `INSERT INTO "${name}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES ` +
      Array.from({ length: n }, (_, r) => `(${cols.map((_c, i) => `$${r * cols.length + i + 1}`).join(', ')})`).join(', ');
    const full = text(per);
    let batch = [];
    let n = 0;
    for (const row of src
      .prepare(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM "${name}"`)
      .raw(true)
      .iterate()) {
      batch.push(...row);
      if (++n === per) {
        await client.query(full, batch);
        total += n;
        batch = [];
        n = 0;
      }
    }
    if (n) await client.query(text(n), batch);
    total += n;
  }
  await client.query('COMMIT');
  await client.end();
  process.stdout.write(`${total}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
