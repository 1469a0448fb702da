/**
 * Child process of bench/scenarios/triage.ts: `train` rebuilds the model of the desk at argv[3]
 * (src/store/triage-train.ts); `read` only reads the same resolved tickets' text with a raw
 * statement (the baseline). Prints `{ ms, maxRssMb, tickets }` as JSON.
 */
import Database from 'better-sqlite3';
import { openDatabase } from '../../src/db/database.js';
import { trainModel } from '../../src/store/triage-train.js';

const [mode, file] = process.argv.slice(2);
const started = performance.now();
let tickets = 0;
if (mode === 'train') {
  const desk = await openDatabase(file!);
  tickets = (await trainModel(desk.db)).learned;
  await desk.close();
} else {
  const db = new Database(file!, { readonly: true });
  for (const row of db.prepare("SELECT title, description FROM tickets WHERE status IN ('resolved', 'closed')").iterate())
    tickets += (row as { title: string }).title.length > 0 ? 1 : 1;
  db.close();
}
const ms = performance.now() - started;
process.stdout.write(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, tickets }));
