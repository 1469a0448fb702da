// Baseline for `deskline import jsonl` on PostgreSQL: the same file's rows read line by line, parsed, and
// written with raw `pg` multi-row parameterised inserts (1,000 rows or 65,535 parameters a statement) per
// table, in one transaction (no checks, no id mapping; rows already there, like the seeded settings, skipped).
const pg = require('pg');
const { createReadStream } = require('node:fs');
const { createInterface } = require('node:readline');

const MAX_PARAMS = 65_535;

async function main() {
  const client = new pg.Client({ connectionString: process.argv[2] });
  await client.connect();
  let rows = 0;
  const pending = new Map();
  const flush = async (key) => {
    const { table, columns, values } = pending.get(key);
    pending.delete(key);
    const one = (r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`;
    const text = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${values.map((_, r) => one(r)).join(', ')} ON CONFLICT DO NOTHING`;
    await client.query(text, values.flat());
  };
  await client.query('BEGIN');
  let order = [];
  for await (const line of createInterface({ input: createReadStream(process.argv[3]), crlfDelay: Infinity })) {
    if (!line) continue;
    const item = JSON.parse(line);
    if (!item.table) continue;
    const row = item.row;
    delete row.data;
    const columns = Object.keys(row);
    const key = `${item.table}:${columns.join(',')}`;
    // Parents before children: a table's rows are flushed when the file moves on to another table.
    if (order.length && order[order.length - 1] !== key) for (const k of order.splice(0)) if (pending.has(k)) await flush(k);
    if (!order.includes(key)) order.push(key);
    const batch = pending.get(key) ?? pending.set(key, { table: item.table, columns, values: [] }).get(key);
    batch.values.push(columns.map((c) => row[c]));
    if (batch.values.length >= Math.min(1_000, Math.floor(MAX_PARAMS / columns.length))) await flush(key);
    rows++;
  }
  for (const k of order) if (pending.has(k)) await flush(k);
  await client.query('COMMIT');
  await client.end();
  process.stdout.write(`${rows}\n`);
}
main().catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
