/**
 * The bulk write paths travel (issue 22): mail fetched from a real Dovecot and tickets imported, on the
 * server or on a laptop, reach the other desks as an ordinary create, comment and attach do: the
 * ticket with its requester and tags, each timeline entry (a requester's reply with the reopening it
 * caused), each file with its bytes. A laptop's new tickets have provisional refs until sync.
 */
import { describe, expect, it } from 'vitest';
import { checkedItems } from '../../../src/io/import-check.js';
import type { ImportItem, ImportRecord } from '../../../src/io/import-record.js';
import { EXIT, type DesklineError } from '../../../src/errors.js';
import { fetchMail } from '../../../src/io/mail-fetch.js';
import type { ImapConfig } from '../../../src/io/imap-settings.js';
import { listAttachments, readAttachment } from '../../../src/store/attachments.js';
import type { Desk } from '../../../src/store/desk.js';
import { runImport } from '../../../src/store/import.js';
import { timeline } from '../../../src/store/interactions.js';
import { syncNow } from '../../../src/store/sync/replica.js';
import { ensureTechnician } from '../../../src/store/technicians.js';
import { updateTicket } from '../../../src/store/ticket-changes.js';
import { haveDovecot, imapConfigFor, startDovecot, type Dovecot } from '../../helpers/imap.js';
import { replicaOf, serverDesk, snapshot } from '../../helpers/sync-desks.js';

const ANA = 'Ana Silva <ana@example.com>';
const T0 = Date.parse('2026-03-02T09:00:00Z');

/** A message with a text file attached. */
function mailWithFile(m: { subject: string; id: string; body: string; file: string; data: string; replyTo?: string }): string {
  const thread = m.replyTo ? `In-Reply-To: ${m.replyTo}\r\n` : '';
  return (
    `From: ${ANA}\r\nTo: help@example.com\r\nSubject: ${m.subject}\r\nMessage-ID: ${m.id}\r\n${thread}` +
    `Date: Wed, 02 Dec 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b1"\r\n\r\n` +
    `--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${m.body}\r\n` +
    `--b1\r\nContent-Type: text/plain; name="${m.file}"\r\nContent-Disposition: attachment; filename="${m.file}"\r\n\r\n${m.data}\r\n--b1--\r\n`
  );
}

const imap = (d: Dovecot): ImapConfig => imapConfigFor(d);
const fetch = (desk: Desk, d: Dovecot) => fetchMail(desk, imap(d), d.password, { actor: 'mail intake' });

/** Files of a ticket as `name size (entry kind | ticket)`, and their bytes as text. */
async function files(desk: Desk, ticketId: number) {
  const entries = new Map((await timeline(desk.db, ticketId)).map((e) => [e.id, e.kind]));
  const rows = await listAttachments(desk.db, ticketId);
  const out = [];
  for (const [i, a] of rows.entries()) {
    const bytes = (await readAttachment(desk, ticketId, i + 1)).data.toString('utf8').trim();
    out.push(`${a.name} ${a.interaction_id === null ? 'ticket' : entries.get(a.interaction_id)} ${bytes}`);
  }
  return out;
}

const requesterOf = async (desk: Desk, ticketId: number) =>
  await desk.db
    .selectFrom('tickets')
    .innerJoin('requesters', 'requesters.id', 'tickets.requester_id')
    .select(['requesters.name', 'requesters.email', 'tickets.external_id', 'tickets.channel'])
    .where('tickets.id', '=', ticketId)
    .executeTakeFirstOrThrow();

const record = (n: number): ImportRecord => ({
  kind: 'ticket',
  at: { file: 'zendesk.json', record: n },
  externalId: `zendesk:${n}`,
  ticket: {
    title: `Laptop ${n} will not boot`,
    description: 'Black screen',
    status: 'open',
    priority: 'high',
    createdAt: T0,
    updatedAt: T0,
  },
  requester: { name: 'Bo Li', email: 'bo@example.com' },
  assignee: null,
  tags: ['laptop', 'boot'],
  interactions: [
    {
      kind: 'email_in',
      author: { name: 'Bo Li', email: 'bo@example.com' },
      byRequester: true,
      body: `It beeps (${n})`,
      createdAt: T0 + 1_000,
    },
  ],
  attachments: [{ name: `bios-${n}.txt`, data: new TextEncoder().encode(`bios log ${n}`), createdAt: T0 + 2_000 }],
  history: [],
});
async function* records(...all: ImportItem[]) {
  yield* all;
}
const importOn = (desk: Desk, ...all: ImportItem[]) =>
  runImport(desk, checkedItems(records(...all)), { actor: 'importer', now: T0 + 3_600_000, dryRun: false, keepLines: false });

describe.runIf(haveDovecot)('sync of mail fetched and tickets imported', () => {
  it('mail fetched on the server (a new ticket, then a reply that reopens it, each with a file) reaches a laptop', async () => {
    const server = await serverDesk();
    const boss = await ensureTechnician(server.db, { name: 'Sam Ito', email: 'sam@example.com', tier: 'L1' });
    const a = await replicaOf(server);
    const dovecot = await startDovecot();
    await dovecot.append(
      'INBOX',
      mailWithFile({ subject: 'Dock dead', id: '<d1@x>', body: 'No screen', file: 'dock.txt', data: 'dock 1' }),
    );
    expect((await fetch(server, dovecot)).fates.created).toBe(1);
    await updateTicket(server.db, 1, { status: 'pending' }, boss);
    const reply = { subject: 'Re: Dock dead', id: '<d2@x>', body: 'Still dead', file: 'log.txt', data: 'wake failed', replyTo: '<d1@x>' };
    await dovecot.append('INBOX', mailWithFile(reply));
    expect((await fetch(server, dovecot)).fates.reopened).toBe(1);

    await syncNow(a.desk.db, server.db);
    expect(await snapshot(a.desk.db)).toEqual(await snapshot(server.db));
    expect((await snapshot(a.desk.db)).tickets).toMatchObject([{ id: 1, title: 'Dock dead', status: 'open' }]);
    expect(await requesterOf(a.desk, 1)).toEqual({ name: 'Ana Silva', email: 'ana@example.com', external_id: '<d1@x>', channel: 'email' });
    expect(await files(a.desk, 1)).toEqual(['dock.txt ticket dock 1', 'log.txt email_in wake failed']);
  });

  it('tickets imported on the server reach a laptop with their requester, tags, timeline and files, and so do their updates', async () => {
    const server = await serverDesk();
    const a = await replicaOf(server);
    expect((await importOn(server, record(1), record(2))).created).toBe(2);

    await syncNow(a.desk.db, server.db);
    expect(await snapshot(a.desk.db)).toEqual(await snapshot(server.db));
    expect((await snapshot(a.desk.db)).tags).toHaveLength(4);
    expect(await requesterOf(a.desk, 2)).toMatchObject({ name: 'Bo Li', email: 'bo@example.com', external_id: 'zendesk:2' });
    expect(await files(a.desk, 2)).toEqual(['bios-2.txt ticket bios log 2']);

    // A newer record of a known ticket: its changed fields, a tag more and the new entry travel too.
    const newer = record(2);
    newer.ticket = { ...newer.ticket, title: 'Laptop 2 boots to BIOS', status: 'pending', priority: 'low', updatedAt: T0 + 60_000 };
    newer.tags = ['laptop', 'bios'];
    newer.interactions = [
      ...newer.interactions,
      { kind: 'note', author: null, byRequester: false, body: 'Sent BIOS steps', createdAt: T0 + 50_000 },
    ];
    expect((await importOn(server, newer)).updated).toBe(1);
    await syncNow(a.desk.db, server.db);
    expect(await snapshot(a.desk.db)).toEqual(await snapshot(server.db));
    expect((await snapshot(a.desk.db)).tickets[1]).toMatchObject({ title: 'Laptop 2 boots to BIOS', status: 'pending', priority: 'low' });
    expect((await snapshot(a.desk.db)).tags.filter((t) => t.ticket_id === 2).map((t) => t.name)).toEqual(['bios', 'boot', 'laptop']);
  });

  it('mail fetched and tickets imported on a laptop take provisional refs and reach the server and another laptop', async () => {
    const server = await serverDesk();
    const a = await replicaOf(server);
    const b = await replicaOf(server);
    const dovecot = await startDovecot();
    await dovecot.append(
      'INBOX',
      mailWithFile({ subject: 'VPN drops', id: '<v1@x>', body: 'Every hour', file: 'vpn.txt', data: 'vpn log' }),
    );
    expect((await fetch(a.desk, dovecot)).fates.created).toBe(1);
    await dovecot.append(
      'INBOX',
      mailWithFile({ subject: 'Re: VPN drops', id: '<v2@x>', body: 'Again', file: 'v2.txt', data: 'v2', replyTo: '<v1@x>' }),
    );
    expect((await fetch(a.desk, dovecot)).fates.replied).toBe(1);
    await importOn(a.desk, record(7));
    // A Deskline export's ticket rows keep their own ids: refused on a laptop, in one line, nothing written.
    const row: ImportItem = { kind: 'row', at: { file: 'desk.jsonl', line: 1 }, table: 'tickets', row: { id: 9, title: 'Old' } };
    const refused = (await importOn(a.desk, record(8), row).catch((e: unknown) => e)) as DesklineError;
    expect([refused.message, refused.exitCode]).toEqual([
      "desk.jsonl:1: a replica does not import a Deskline export's tickets (they would never reach the server): import the file on the team's server",
      EXIT.usage,
    ]);
    const offline = (await snapshot(a.desk.db)).tickets.map((t) => t.id);
    expect(offline.every((id) => id < 0)).toBe(true);

    await syncNow(a.desk.db, server.db);
    await syncNow(b.desk.db, server.db);
    const there = await snapshot(server.db);
    expect(there.tickets.map((t) => [t.id, t.title])).toEqual([
      [1, 'VPN drops'],
      [2, 'Laptop 7 will not boot'],
    ]);
    expect(await snapshot(a.desk.db)).toEqual(there);
    expect(await snapshot(b.desk.db)).toEqual(there);
    for (const desk of [server, a.desk, b.desk]) {
      expect(await files(desk, 1)).toEqual(['vpn.txt ticket vpn log', 'v2.txt email_in v2']);
      expect(await files(desk, 2)).toEqual(['bios-7.txt ticket bios log 7']);
      expect(await requesterOf(desk, 1)).toMatchObject({ email: 'ana@example.com', external_id: '<v1@x>' });
    }
  });
});
