/**
 * nodemailer, loaded on first use (the rest of the CLI never pays for it): one pooled connection
 * per run, and an outbox row turned into the email it stands for. The row fixed everything when it
 * was queued; the desk's From address comes from settings; Date is the time it was queued, so a
 * resend after a crash is the same message.
 */
import type { OutboxRow } from '../store/outbox.js';
import { formatRef } from '../domain/ticket.js';
import { trustedCertificates, type SmtpConfig } from './mail-settings.js';

export interface MailTransport {
  send(row: OutboxRow): Promise<void>;
  close(): void;
}

export async function openTransport(config: SmtpConfig, password: string | null): Promise<MailTransport> {
  const { createTransport } = (await import('nodemailer')).default;
  const ca = trustedCertificates(config);
  const transport = createTransport({
    pool: true,
    maxConnections: 1,
    host: config.host,
    port: config.port,
    secure: config.security === 'tls',
    requireTLS: config.security === 'starttls',
    ignoreTLS: config.security === 'none',
    auth: config.user ? { user: config.user, pass: password ?? '' } : undefined,
    connectionTimeout: config.timeoutMs,
    greetingTimeout: config.timeoutMs,
    socketTimeout: config.timeoutMs,
    tls: ca ? { ca: [ca] } : undefined,
  });
  return {
    send: async (row) => {
      await transport.sendMail(mailOf(row, config.from));
    },
    close: () => transport.close(),
  };
}

/** The email a row stands for, as nodemailer's message options. */
export function mailOf(row: OutboxRow, deskAddress: string) {
  return {
    from: { name: row.from_name, address: deskAddress },
    to: { name: row.to_name ?? '', address: row.to_address },
    subject: row.subject,
    text: row.body,
    date: new Date(row.created_at),
    messageId: row.message_id,
    inReplyTo: row.in_reply_to ?? undefined,
    references: row.refs ?? undefined,
    headers: {
      ...(row.ticket_id !== null ? { 'X-Deskline-Ticket': formatRef(row.ticket_id) } : {}),
      ...(row.kind === 'acknowledgement' ? { 'Auto-Submitted': 'auto-replied' } : {}),
    },
  };
}
