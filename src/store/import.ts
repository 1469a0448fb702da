/**
 * THE import transaction: every item of a run written inside one BEGIN IMMEDIATE … COMMIT, so a bad
 * record anywhere leaves the desk exactly as it was (attachment files written meanwhile are removed
 * again). Tickets are matched on their external id (./import-tickets.ts), rows of Deskline's own
 * export on their natural keys (./import-rows.ts): importing the same file twice creates nothing.
 * A dry run does all the work and rolls back, so what it reports is what a real run would do.
 * The ticket indexes' triggers are held for the run and the touched tickets indexed once at the end
 * (./import-index.ts); statement journals are kept in memory meanwhile (./write-pragmas.ts).
 */
import { withImmediate } from '../db/immediate.js';
import { formatRef } from '../domain/ticket.js';
import { auditAppender } from './audit-chain.js';
import { blobStore, type BlobStore } from './attachment-files.js';
import type { Desk } from './desk.js';
import { holdTextIndex, indexTickets } from './import-index.js';
import { rowWriter } from './import-rows.js';
import { MAIL_OUTCOME, mailWriter } from './mail-intake.js';
import { ticketWriter } from './import-tickets.js';
import type { ImportItemIn, ImportOptions, ImportSummary } from './import-types.js';
import { loadSlaConfig } from './sla-config.js';
import { rawSqlite } from './sqlite-raw.js';
import { longWritePragmas } from './write-pragmas.js';

export type * from './import-types.js';

class DryRunDone extends Error {}

export async function runImport(desk: Desk, items: AsyncIterable<ImportItemIn>, options: ImportOptions): Promise<ImportSummary> {
  const config = await loadSlaConfig(desk.db);
  const summary: ImportSummary = { created: 0, updated: 0, skipped: 0, counts: {}, lines: [], mailCreated: [] };
  let blobs: BlobStore | undefined;
  const lazyBlobs = () => (blobs ??= blobStore(desk));
  const restorePragmas = longWritePragmas(rawSqlite(desk));
  try {
    await withImmediate(desk.db, async () => {
      const sqlite = rawSqlite(desk);
      const touched = new Set<number>();
      const context = { sqlite, actor: options.actor, now: options.now, config, blobs: lazyBlobs, counts: summary.counts, touched };
      const writeTicket = ticketWriter(context);
      const writeRow = rowWriter(context);
      const writeMail = mailWriter(context, writeTicket);
      sqlite.prepare('INSERT OR IGNORE INTO ticket_fts_hold (held) VALUES (1)').run();
      const indexText = holdTextIndex(sqlite);
      let done = 0;
      for await (const item of items) {
        if (item.kind === 'mail') {
          const result = writeMail(item);
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
          const { outcome, id } = writeTicket(item);
          summary[outcome]++;
          if (options.keepLines) summary.lines.push({ outcome, what: 'ticket', ref: formatRef(id), title: item.input.title });
        } else {
          const result = writeRow(item);
          summary[result.outcome]++;
          if (options.keepLines) summary.lines.push({ outcome: result.outcome, what: item.table, ref: result.ref, title: result.title });
        }
        options.onItem?.(++done);
      }
      indexTickets(sqlite, touched);
      indexText(touched);
      sqlite.prepare('DELETE FROM ticket_fts_hold').run();
      if (summary.created + summary.updated > 0) {
        auditAppender(sqlite)({
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
    restorePragmas();
  }
  return summary;
}
