/**
 * One writer of the change-feed property test (test/store/ticket-feed.test.ts), run as its own process:
 * `node feed-writer DB WRITER IDS` (the test bundles it) updates each ticket of IDS (comma-separated) in
 * turn and prints `id version` once each update has committed.
 */
import { openDesk } from '../../src/store/desk.js';
import { ensureTechnician } from '../../src/store/technicians.js';
import { updateTicket } from '../../src/store/ticket-changes.js';

const [path, writer, list] = process.argv.slice(2);
const desk = await openDesk(path!);
const me = await ensureTechnician(desk.db, { name: `Writer ${writer}`, email: `w${writer}@example.com`, tier: 'L1' });
for (const [k, id] of list!.split(',').map(Number).entries()) {
  const { ticket } = await updateTicket(desk.db, id, { addTags: [`w${writer}-${k}`] }, me);
  process.stdout.write(`${id} ${ticket.version}\n`);
}
await desk.close();
