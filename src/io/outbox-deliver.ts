/**
 * Empties the outbox through SMTP: claims a batch, sends each message on one connection, marks it
 * sent the moment the server accepts it. A message the server refuses for good (or a malformed
 * address) is given up and the run goes on; any other failure (no connection, a dropped or slow one,
 * a 4xx, a refused login) is recorded on the message tried, the rest of the batch is given back
 * untried, and the run stops: the next one starts where this one ended.
 *
 * Accepted messages are marked sent a few at a time (MARK_EVERY, or MARK_WITHIN_MS after the first
 * unmarked one), and always before anything else is written or the run ends: one statement per
 * batch instead of one per message. A crash in between leaves at most that many sent but unmarked;
 * their claims run out and they go again with their own Message-IDs (the receiver drops duplicates).
 */
import { describeDelivery } from '../domain/delivery-error.js';
import { isMailAddress } from '../domain/mail-message.js';
import type { Executor } from '../store/executor.js';
import { CHAT_KIND } from '../store/chat-notify.js';
import { claimBatch, markFailed, markSent, releaseClaims } from '../store/outbox-claim.js';
import { redact, smtpPassword, type SmtpConfig } from './mail-settings.js';
import { openTransport, type MailTransport } from './smtp-transport.js';

type Env = Record<string, string | undefined>;

const MARK_EVERY = 20;
const MARK_WITHIN_MS = 200;

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
  // Read only when there is something to send (an empty outbox needs no password).
  let password: string | null = null;
  const report: DeliveryReport = { sent: 0, failures: [], stopped: false };
  let transport: MailTransport | null = null;
  let accepted: number[] = [];
  let firstAcceptedAt = 0;
  const flush = async () => {
    const ids = accepted;
    accepted = [];
    await markSent(db, ids, clock());
  };
  try {
    for (;;) {
      const batch = await claimBatch(db, clock(), { all: opts.all, exceptKinds: [CHAT_KIND] });
      if (batch.length === 0) break;
      for (const [i, row] of batch.entries()) {
        let failure: { permanent: boolean; message: string };
        if (!isMailAddress(row.to_address)) {
          failure = { permanent: true, message: `recipient address '${row.to_address}' is malformed` };
        } else {
          try {
            if (!transport) {
              password = smtpPassword(config, env);
              transport = await (opts.open ?? openTransport)(config, password);
            }
            await transport.send(row);
            if (accepted.push(row.id) === 1) firstAcceptedAt = clock();
            if (accepted.length >= MARK_EVERY || clock() - firstAcceptedAt >= MARK_WITHIN_MS) await flush();
            report.sent++;
            continue;
          } catch (error) {
            const d = describeDelivery(error);
            failure = { permanent: d.permanent, message: redact(d.message, password) };
          }
        }
        await flush();
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
    await flush();
    return report;
  } finally {
    transport?.close();
  }
}
