/**
 * Empties the outbox through SMTP: claims a batch, sends each message on one connection, marks it
 * sent the moment the server accepts it. A message the server refuses for good (or a malformed
 * address) is given up and the run goes on; any other failure (no connection, a dropped or slow one,
 * a 4xx, a refused login) is recorded on the message tried, the rest of the batch is given back
 * untried, and the run stops: the next one starts where this one ended.
 */
import { describeDelivery } from '../domain/delivery-error.js';
import { isMailAddress } from '../domain/mail-message.js';
import type { Executor } from '../store/executor.js';
import { claimBatch, markFailed, markSent, releaseClaims } from '../store/outbox-claim.js';
import { redact, smtpPassword, type SmtpConfig } from './mail-settings.js';
import { openTransport, type MailTransport } from './smtp-transport.js';

type Env = Record<string, string | undefined>;

export interface DeliveryFailure {
  id: number;
  ticketId: number | null;
  to: string;
  message: string;
  status: 'queued' | 'failed';
  nextAttemptAt: number;
}

export interface DeliveryReport {
  sent: number;
  failures: DeliveryFailure[];
  /** The run stopped at a failure that is likely to hit every message (the server, the network). */
  stopped: boolean;
}

export interface DeliverOptions {
  /** Every waiting message, not only those whose backoff has run out. */
  all?: boolean;
  clock?: () => number;
  /** Opens the connection (tests and the bench hand in their own). */
  open?: (config: SmtpConfig, password: string | null) => Promise<MailTransport>;
}

export async function deliverOutbox(db: Executor, config: SmtpConfig, env: Env, opts: DeliverOptions = {}): Promise<DeliveryReport> {
  const clock = opts.clock ?? Date.now;
  const password = smtpPassword(config, env);
  const report: DeliveryReport = { sent: 0, failures: [], stopped: false };
  let transport: MailTransport | null = null;
  try {
    for (;;) {
      const batch = await claimBatch(db, clock(), { all: opts.all });
      if (batch.length === 0) break;
      for (const [i, row] of batch.entries()) {
        let failure: { permanent: boolean; message: string };
        if (!isMailAddress(row.to_address)) {
          failure = { permanent: true, message: `recipient address '${row.to_address}' is malformed` };
        } else {
          try {
            transport ??= await (opts.open ?? openTransport)(config, password);
            await transport.send(row);
            await markSent(db, row.id, clock());
            report.sent++;
            continue;
          } catch (error) {
            const d = describeDelivery(error);
            failure = { permanent: d.permanent, message: redact(d.message, password) };
          }
        }
        const next = await markFailed(db, row, failure, clock());
        report.failures.push({ id: row.id, ticketId: row.ticket_id, to: row.to_address, message: failure.message, ...next });
        if (!failure.permanent) {
          await releaseClaims(
            db,
            batch.slice(i + 1).map((r) => r.id),
          );
          report.stopped = true;
          return report;
        }
      }
    }
    return report;
  } finally {
    transport?.close();
  }
}
