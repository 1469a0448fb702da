/**
 * `mail fetch` taking 1,000 new messages (300 with --quick) from a real Dovecot on loopback into an
 * empty desk: fetched 100 at a time, parsed, threaded (a fifth are replies), each written with its
 * cursor in its own transaction, then flagged \Seen; against imapflow alone fetching the same
 * messages' sources from the same server, and against imapflow fetching then mailparser parsing them
 * (the least any intake does). Each round reads a folder of its own. Needs root and /usr/sbin/dovecot.
 * Target: ≥ 0.5× of each baseline's messages per second.
 */
import { simpleParser } from 'mailparser';
import { PARSER_OPTIONS } from '../../src/io/mail-message.js';
import { openDesk } from '../../src/store/desk.js';
import type { ImapConfig } from '../../src/io/imap-settings.js';
import { fetchMail } from '../../src/io/mail-fetch.js';
import { haveDovecot, startDovecot } from '../../test/helpers/dovecot.js';
import { benchDesk } from '../lib/env.js';
import type { Measurement, Scenario } from '../lib/scenario.js';
import { median } from '../lib/stats.js';

function message(round: number, i: number): string {
  const reply = i % 5 === 4;
  const headers = [
    `From: Ana Silva ${i % 300} <user${i % 300}@example.com>`,
    'To: help@example.com',
    `Subject: ${reply ? 'Re: ' : ''}VPN drops every ten minutes ${round}-${i - (reply ? 1 : 0)}`,
    `Message-ID: <bench-${round}-${i}@mail.example.com>`,
    ...(reply ? [`In-Reply-To: <bench-${round}-${i - 1}@mail.example.com>`] : []),
    `Date: Mon, 20 Jul 2025 09:${String(i % 60).padStart(2, '0')}:00 +0000`,
    'Content-Type: text/plain; charset=utf-8',
  ];
  const body = 'Hello support,\r\n\r\nsince this morning the VPN client drops the connection every ten minutes.\r\n\r\nAna\r\n';
  return `${headers.join('\r\n')}\r\n\r\n${body}`;
}

export const scenario: Scenario = {
  name: 'mail-fetch',
  async run({ quick }) {
    if (!haveDovecot) throw new Error('needs root and /usr/sbin/dovecot');
    const count = quick ? 300 : 1000;
    const rounds = quick ? 2 : 3;
    const dovecot = await startDovecot();
    const desk = benchDesk();
    const opened = await openDesk(desk.env.DESKLINE_DB);
    const ours: number[] = [];
    const direct: number[] = [];
    const parsing: number[] = [];
    try {
      const c = await dovecot.client();
      for (let round = 0; round < rounds; round++) {
        const folder = `Round${round}`;
        await c.mailboxCreate(folder);
        for (let i = 0; i < count; i++) await c.append(folder, message(round, i));
        const imapflowAlone = async () => {
          const reader = await dovecot.client();
          const t = performance.now();
          await reader.mailboxOpen(folder);
          let n = 0;
          const sources: Buffer[] = [];
          for await (const m of reader.fetch('1:*', { uid: true, source: true }, { uid: true })) if (m.source) n = sources.push(m.source);
          direct.push(n / ((performance.now() - t) / 1000));
          for (const source of sources) await simpleParser(source, PARSER_OPTIONS);
          parsing.push(n / ((performance.now() - t) / 1000));
          await reader.logout();
          if (n !== count) throw new Error(`imapflow fetched ${n} of ${count}`);
        };
        // Alternate which goes first, so the server's cache favours neither.
        if (round % 2) await imapflowAlone();
        const config: ImapConfig = {
          host: '127.0.0.1',
          port: dovecot.port,
          security: 'none',
          user: dovecot.user,
          folder,
          moveTo: null,
          timeoutMs: 30_000,
          passwordFile: null,
          caFile: null,
          everyMinutes: 5,
        };
        const t = performance.now();
        const report = await fetchMail(opened, config, dovecot.password);
        ours.push(count / ((performance.now() - t) / 1000));
        if (report.taken !== count || report.fates.created !== count * 0.8) throw new Error(`mail fetch took ${report.taken} of ${count}`);
        if (round % 2 === 0) await imapflowAlone();
      }
    } finally {
      await opened.close();
      await dovecot.stop();
      desk.dispose();
    }
    const parsed: Measurement = {
      label: `mail fetch ${count} new messages vs fetch + parse (messages/s)`,
      unit: 'rows/s',
      samples: ours,
      baseline: { label: 'imapflow fetching, then mailparser parsing them', samples: parsing },
      target: { op: '>=', value: 0.5 },
      extra: { messages: count, ours_per_s: Math.round(median(ours)), fetch_and_parse_per_s: Math.round(median(parsing)) },
    };
    const m: Measurement = {
      label: `mail fetch ${count} new messages (messages/s)`,
      unit: 'rows/s',
      samples: ours,
      baseline: { label: 'imapflow fetching their sources alone', samples: direct },
      target: { op: '>=', value: 0.5 },
      extra: { messages: count, ours_per_s: Math.round(median(ours)), imapflow_per_s: Math.round(median(direct)) },
    };
    return [m, parsed];
  },
};
