/**
 * THE import transaction: every item of a run written inside one transaction (withImmediate), so a bad
 * record anywhere leaves the desk exactly as it was (attachment files written meanwhile are removed
 * again). Tickets are matched on their external id (./import-tickets.ts), rows of Deskline's own
 * export on their natural keys (./import-rows.ts): importing the same file twice creates nothing.
 * A dry run does all the work and rolls back, so what it reports is what a real run would do.
 * The writers are the same on both dialects (statements of a write session, ./write-session.ts); what
 * differs (SQLite's held FTS5 indexes and pragmas, PostgreSQL's identities) is in ./import-sqlite.ts
 * and ./import-pg.ts.
 */
import { dialectOf, type Dialect } from '../db/dialect.js';
import { withImmediate } from '../db/immediate.js';
import { formatRef } from '../domain/ticket.js';
import { EXIT, fail } from '../errors.js';
import { sessionAudit } from './audit-append.js';
import { blobStore, type BlobStore } from './attachment-files.js';
import { keepOnServer } from './attachment-blobs.js';
import type { Desk } from './desk.js';
import { PG_IMPORT } from './import-pg.js';
import { ROW_TABLES } from './import-row-tables.js';
import { rowWriter } from './import-rows.js';
import { SQLITE_IMPORT } from './import-sqlite.js';
import { MAIL_OUTCOME, mailWriter } from './mail-intake.js';
import { ticketWriter } from './import-tickets.js';
import type { ImportDialect, ImportItemIn, ImportOptions, ImportSummary } from './import-types.js';
import { loadSlaConfig } from './sla-config.js';
import { intakeOps } from './sync/intake-ops.js';

export type * from './import-types.js';

/** What differs by dialect, in its own module. */
const DIALECTS: Readonly<Record<Dialect, ImportDialect>> = { sqlite: SQLITE_IMPORT, postgres: PG_IMPORT };

class DryRunDone extends Error {}

/** A Deskline export's ticket rows keep their own ids, which a replica cannot give the server: they are imported there. */
const TICKET_ROWS = new Set(
  ROW_TABLES.filter((t) => t.table === 'tickets' || Object.values(t.refs ?? {}).includes('tickets')).map((t) => t.table),
);
const ON_SERVER =
  "a replica does not import a Deskline export's tickets (they would never reach the server): import the file on the team's server";

export async function runImport(desk: Desk, items: AsyncIterable<ImportItemIn>, options: ImportOptions): Promise<ImportSummary> {
  const config = await loadSlaConfig(desk.db);
  const summary: ImportSummary = { created: 0, updated: 0, skipped: 0, counts: {}, lines: [], mailCreated: [] };
  let blobs: BlobStore | undefined;
  const lazyBlobs = () => (blobs ??= blobStore(desk));
  const dialect = DIALECTS[dialectOf(desk.db)];
  const restore = dialect.before(desk);
  try {
    await withImmediate(desk.db, async (trx) => {
      const { session, finish } = await dialect.begin(desk, trx);
      const touched = new Set<number>();
      const explicitIds = new Set<string>();
      const context = {
        session,
        actor: options.actor,
        now: options.now,
        config,
        blobs: lazyBlobs,
        counts: summary.counts,
        touched,
        explicitIds,
        sync: intakeOps(trx), // what the other desks learn (nothing on a desk outside sync)
      };
      const writeTicket = ticketWriter(context);
      const writeRow = rowWriter(context);
      const writeMail = mailWriter(context, writeTicket);
      let done = 0;
      for await (const item of items) {
        if (item.kind === 'mail') {
          const result = await writeMail(item);
          const outcome = MAIL_OUTCOME[result.fate];
          summary[outcome]++;
          if (result.fate === 'created' && result.ticketId) summary.mailCreated.push(result.ticketId);
          if (options.keepLines)
            summary.lines.push({
              outcome,
              what: `mail ${result.fate}`,
              ref: result.ticketId ? formatRef(result.ticketId) : '-',
              title: item.mail.subject,
            });
        } else if (item.kind === 'ticket') {
          const { outcome, id } = await writeTicket(item);
          summary[outcome]++;
          if (options.keepLines) summary.lines.push({ outcome, what: 'ticket', ref: formatRef(id), title: item.input.title });
        } else {
          if (context.sync?.replica && TICKET_ROWS.has(item.table)) fail(EXIT.usage, `${item.place}: ${ON_SERVER}`);
          const result = await writeRow(item);
          summary[result.outcome]++;
          if (options.keepLines) summary.lines.push({ outcome: result.outcome, what: item.table, ref: result.ref, title: result.title });
        }
        options.onItem?.(++done);
      }
      await context.sync?.flush(options.now);
      await finish({ touched, explicitIds });
      if (blobs) await keepOnServer(trx, blobs, options.now); // a server desk's home of the bytes
      if (summary.created + summary.updated > 0) {
        await sessionAudit(session).append({
          ticket_id: null,
          actor: options.actor,
          at: options.now,
          action: 'import',
          field: null,
          old_value: null,
          new_value: JSON.stringify({ created: summary.created, updated: summary.updated, skipped: summary.skipped }),
        });
      }
      if (options.dryRun) throw new DryRunDone();
    });
  } catch (error) {
    blobs?.discardNew();
    if (!(error instanceof DryRunDone)) throw error;
  } finally {
    restore();
  }
  return summary;
}
