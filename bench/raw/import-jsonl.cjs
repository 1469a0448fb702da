// Baseline for `deskline import jsonl`: the same file's rows read line by line, parsed, and inserted with
// cached better-sqlite3 prepared statements into an empty desk in one transaction (no checks, no mapping).
const Database = require('better-sqlite3');
const { createReadStream } = require('node:fs');
const { createInterface } = require('node:readline');

async function main() {
  const db = new Database(process.argv[2]);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  const statements = new Map();
  let rows = 0;
  db.exec('BEGIN IMMEDIATE');
  for await (const line of createInterface({ input: createReadStream(process.argv[3]), crlfDelay: Infinity })) {
    if (!line) continue;
    const item = JSON.parse(line);
    if (!item.table) continue;
    const row = item.row;
    delete row.data;
    const columns = Object.keys(row);
    const key = `${item.table}:${columns.join(',')}`;
    let insert = statements.get(key);
    if (!insert) {
      insert = db.prepare(
        `INSERT OR REPLACE INTO "${item.table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      );
      statements.set(key, insert);
    }
    insert.run(...columns.map((c) => row[c]));
    rows++;
  }
  db.exec('COMMIT');
  db.close();
  process.stdout.write(`${rows}\n`);
}
main();
