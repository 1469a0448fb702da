/**
 * The outbox sending 1,000 queued replies (300 with --quick) to an SMTP server on loopback
 * (smtp-server, accepting everything), against nodemailer sending the same messages directly over
 * the same kind of connection (pooled, one connection), in the same process. Ours claims each batch
 * in a transaction and marks every message sent as the server accepts it. Target: ≥ 0.8× the
 * messages per second of nodemailer alone.
 */
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { openDatabase } from '../../src/db/database.js';
import { withImmediate } from '../../src/db/immediate.js';
import type { SmtpConfig } from '../../src/io/mail-settings.js';
import { deliverOutbox } from '../../src/io/outbox-deliver.js';
import { mailOf } from '../../src/io/smtp-transport.js';
import { enqueueMessage, type OutboxRow } from '../../src/store/outbox.js';
import { benchDesk } from '../lib/env.js';
import type { Measurement, Scenario } from '../lib/scenario.js';
import { median } from '../lib/stats.js';

async function loopbackServer(): Promise<{ port: number; close(): Promise<void>; count(): number }> {
  let n = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, _s, cb) => {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        n++;
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { port: (server.server.address() as AddressInfo).port, close: () => new Promise((r) => server.close(() => r())), count: () => n };
}

const BODY = 'Hello Ana,\n\nI restarted the print spooler on PRN-0042 and cleared the queue. Please try again.\n\n-- \nSam Okafor · HD-1\n';

function rowsFor(count: number, round: number): Omit<OutboxRow, 'id'>[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => ({
    kind: 'reply',
    ticket_id: null,
    interaction_id: null,
    message_id: `<hd-1.${round}.${i}.bench@example.com>`,
    to_address: 'ana@example.com',
    to_name: 'Ana Silva',
    from_name: 'Sam Okafor',
    subject: `[HD-${i + 1}] Printer offline on the third floor`,
    body: BODY,
    in_reply_to: i % 2 ? `<hd-1.${round}.${i - 1}.bench@example.com>` : null,
    refs: i % 2 ? `<hd-1.${round}.${i - 1}.bench@example.com>` : null,
    status: 'queued',
    attempts: 0,
    last_error: null,
    next_attempt_at: now,
    lease_until: null,
    created_at: now,
    sent_at: null,
  }));
}

export const scenario: Scenario = {
  name: 'outbox-send',
  async run({ quick }) {
    const count = quick ? 300 : 1000;
    const rounds = quick ? 2 : 4;
    const server = await loopbackServer();
    const desk = benchDesk();
    const opened = await openDatabase(desk.env.DESKLINE_DB);
    const config: SmtpConfig = {
      host: '127.0.0.1',
      port: server.port,
      security: 'none',
      user: null,
      from: 'help@example.com',
      timeoutMs: 20_000,
      passwordFile: null,
      caFile: null,
    };
    const ours: number[] = [];
    const direct: number[] = [];
    try {
      for (let round = 0; round < rounds; round++) {
        const rows = rowsFor(count, round);
        await withImmediate(opened.db, async (trx) => {
          for (const r of rows) await enqueueMessage(trx, r);
        });
        const sendDirect = async () => {
          const transport = nodemailer.createTransport({
            pool: true,
            maxConnections: 1,
            host: '127.0.0.1',
            port: server.port,
            ignoreTLS: true,
          });
          const t = performance.now();
          for (const r of rows) await transport.sendMail(mailOf({ ...r, id: 0 }, config.from));
          direct.push(count / ((performance.now() - t) / 1000));
          transport.close();
        };
        // Alternate which goes first, so warming up favours neither.
        if (round % 2) await sendDirect();
        const before = server.count();
        const t = performance.now();
        const report = await deliverOutbox(opened.db, config, {});
        ours.push(count / ((performance.now() - t) / 1000));
        if (report.sent !== count || server.count() - before !== count) throw new Error(`outbox sent ${report.sent} of ${count}`);
        if (round % 2 === 0) await sendDirect();
      }
    } finally {
      await opened.close();
      await server.close();
      desk.dispose();
    }
    const m: Measurement = {
      label: `outbox send ${count} queued replies (messages/s)`,
      unit: 'rows/s',
      samples: ours,
      baseline: { label: 'nodemailer sending them directly', samples: direct },
      target: { op: '>=', value: 0.8 },
      extra: { messages: count, ours_per_s: Math.round(median(ours)), direct_per_s: Math.round(median(direct)) },
    };
    return [m];
  },
};
