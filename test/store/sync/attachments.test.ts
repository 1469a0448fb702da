/**
 * Attachments travel (issue 22): a file attached on a laptop reaches the server and the other laptop,
 * its bytes checked by SHA-256; one attached on the server reaches the laptops and another technician
 * of the server reads it from the database (each machine's folder is only a cache); the same bytes
 * are stored once, and a push cut after the bytes went up loses nothing and sends nothing twice.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mailIn } from '../../../src/io/mail-import.js';
import { parseMail } from '../../../src/io/mail-message.js';
import { deliverMail } from '../../../src/store/mail-deliver.js';
import { describe, expect, it } from 'vitest';
import { validateTicketInput } from '../../../src/domain/ticket-input.js';
import { blobStore, sha256 } from '../../../src/store/attachment-files.js';
import { timeline } from '../../../src/store/interactions.js';
import { forgetRequester } from '../../../src/store/redaction.js';
import { addAttachments, listAttachments, readAttachment } from '../../../src/store/attachments.js';
import type { Desk } from '../../../src/store/desk.js';
import { uploadBlobs } from '../../../src/store/sync/blob-transfer.js';
import { opOfRow } from '../../../src/store/sync/ops.js';
import { acceptOps } from '../../../src/store/sync/server.js';
import { syncNow } from '../../../src/store/sync/replica.js';
import { ensureTechnician } from '../../../src/store/technicians.js';
import { ticketHistory } from '../../../src/store/audit.js';
import { createTicket } from '../../../src/store/tickets.js';
import { checkDesk } from '../../../src/store/desk-maintenance.js';
import { replicaOf, serverDesk } from '../../helpers/sync-desks.js';
import { tempDir } from '../../helpers/temp.js';

const SAM = { name: 'Sam Ito', email: 'sam@example.com', tier: 'L1' };
const KIM = { name: 'Kim Ode', email: 'kim@example.com', tier: 'L1' };

/** The server desk as another technician's machine sees it: the same database, a folder of its own (empty). */
const onMachine = (server: Desk): Desk => ({ ...server, attachments: tempDir() });

const names = async (desk: Desk, id: number) => (await listAttachments(desk.db, id)).map((a) => `${a.name} ${a.size} ${a.added_by}`);
const blobCount = async (server: Desk) =>
  Number(
    (
      await server.db
        .selectFrom('attachment_blobs')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('sync of attachments', () => {
  it('carries files both ways, bytes checked, each content stored once on the server', async () => {
    const server = await serverDesk();
    const boss = await ensureTechnician(server.db, SAM);
    const { ticket } = await createTicket(server.db, validateTicketInput({ title: 'Printer jams' }), boss);
    const a = await replicaOf(server);
    const b = await replicaOf(server);
    const sam = await ensureTechnician(a.desk.db, SAM);
    const kim = await ensureTechnician(b.desk.db, KIM);

    // Offline on A: a log on the server's ticket, a photo on a ticket made offline.
    const log = randomBytes(300_000);
    const photo = randomBytes(5_000);
    await addAttachments(a.desk, ticket.id, [{ name: 'event.log', data: log, contentType: 'text/plain' }], sam);
    const made = (await createTicket(a.desk.db, validateTicketInput({ title: 'Dock dead' }), sam)).ticket;
    await addAttachments(a.desk, made.id, [{ name: 'dock.jpg', data: photo }], sam);
    await syncNow(a.desk.db, server.db);
    await syncNow(b.desk.db, server.db);

    expect(await blobCount(server)).toBe(2);
    for (const desk of [server, a.desk, b.desk]) {
      expect(await names(desk, ticket.id)).toEqual(['event.log 300000 Sam Ito']);
      expect(await names(desk, 2)).toEqual(['dock.jpg 5000 Sam Ito']);
      expect((await ticketHistory(desk.db, ticket.id)).map((e) => e.action)).toContain('attach');
    }
    // B (and a technician on another machine, from the database) read the same bytes.
    expect((await readAttachment(b.desk, ticket.id, 1)).data.equals(log)).toBe(true);
    expect((await readAttachment(b.desk, 2, 1)).data.equals(photo)).toBe(true);
    const other = onMachine(server);
    expect(sha256((await readAttachment(other, ticket.id, 1)).data)).toBe(sha256(log));

    // Attached on the server: in its database at once, so a technician elsewhere reads it, and the laptops get it.
    const scan = randomBytes(40_000);
    await addAttachments(onMachine(server), ticket.id, [{ name: 'scan.pdf', data: scan }], boss);
    expect((await readAttachment(onMachine(server), ticket.id, 2)).data.equals(scan)).toBe(true);
    // B attaches bytes the server has already: the row travels, the content is not stored again.
    await addAttachments(b.desk, ticket.id, [{ name: 'same-log.txt', data: log }], kim);
    await syncNow(b.desk.db, server.db);
    await syncNow(a.desk.db, server.db);
    expect(await blobCount(server)).toBe(3);
    for (const desk of [server, a.desk, b.desk])
      expect(await names(desk, ticket.id)).toEqual(['event.log 300000 Sam Ito', 'scan.pdf 40000 Sam Ito', 'same-log.txt 300000 Kim Ode']);
    expect((await readAttachment(a.desk, ticket.id, 2)).data.equals(scan)).toBe(true);
    expect((await readAttachment(a.desk, ticket.id, 3)).data.equals(log)).toBe(true);
    for (const desk of [a.desk, b.desk]) expect(await checkDesk(desk)).toEqual({ integrity: [], references: [], audit: [] });
    // A laptop made a replica now gets every file with its first copy.
    const c = await replicaOf(server);
    expect(await names(c.desk, ticket.id)).toEqual(await names(server, ticket.id));
    expect((await readAttachment(c.desk, ticket.id, 2)).data.equals(scan)).toBe(true);
    // Nothing left: a sync applies nothing again.
    expect(await syncNow(a.desk.db, server.db)).toMatchObject({ pushed: 0, pulled: 0 });
    expect(await names(a.desk, ticket.id)).toHaveLength(3);
  });

  it('loses nothing when a push is cut after the bytes went up: the retry sends the rows, not the bytes again', async () => {
    const server = await serverDesk();
    const boss = await ensureTechnician(server.db, SAM);
    const { ticket } = await createTicket(server.db, validateTicketInput({ title: 'VPN' }), boss);
    const a = await replicaOf(server);
    const b = await replicaOf(server);
    const sam = await ensureTechnician(a.desk.db, SAM);
    const data = randomBytes(20_000);
    await addAttachments(a.desk, ticket.id, [{ name: 'trace.pcap', data }], sam);
    // The first half of a push: the bytes are on the server, the operation is not (the connection broke).
    const waiting = await a.desk.db.selectFrom('sync_outbox').selectAll().execute();
    const ops = waiting.map((r) => opOfRow(r, 'x'));
    expect(await uploadBlobs(a.desk.db, server.db, ops)).toBe(1);
    expect(await listAttachments(server.db, ticket.id)).toEqual([]);
    // Again, as a retry would: nothing is sent twice; then the whole sync.
    expect(await uploadBlobs(a.desk.db, server.db, ops)).toBe(0);
    expect(await syncNow(a.desk.db, server.db)).toMatchObject({ pushed: 1 });
    await syncNow(b.desk.db, server.db);
    expect(await blobCount(server)).toBe(1);
    expect((await readAttachment(b.desk, ticket.id, 1)).data.equals(data)).toBe(true);
    // An operation naming no SHA-256 (a broken or hostile client) is refused where it is pushed: no replica ever pulls it.
    const bad = { ...ops[0]!, op_id: '0000000zz.0000.beef', device: 'beef' } as (typeof ops)[number];
    if (bad.kind === 'attachment') bad.body = { ...bad.body, sha256: '../../etc/passwd' };
    await expect(acceptOps(server.db, [bad])).rejects.toThrow(/sync: an attachment of HD-1 has no SHA-256/);
    expect(await listAttachments(server.db, ticket.id)).toHaveLength(1);
  });

  it("keeps a mail's attachment delivered to the server in its database: another technician's machine reads it", async () => {
    const server = await serverDesk();
    const bytes = readFileSync('fixtures/import/mail/alternative-inline.eml');
    const options = { actor: 'mail intake', place: 'imap INBOX', now: Date.parse('2025-07-22T00:00:00Z') };
    const { ticketId } = await deliverMail(onMachine(server), mailIn(await parseMail(bytes), bytes), options);
    const files = await listAttachments(server.db, ticketId!);
    expect(files.length).toBeGreaterThan(0);
    expect(await blobCount(server)).toBe(new Set(files.map((f) => f.sha256)).size);
    const read = await readAttachment(onMachine(server), ticketId!, 1);
    expect(sha256(read.data)).toBe(files[0]!.sha256);
    // A laptop made a replica now has the file with its copy, and reads it offline.
    const a = await replicaOf(server);
    expect(sha256((await readAttachment(a.desk, ticketId!, 1)).data)).toBe(files[0]!.sha256);
    expect(await checkDesk(a.desk)).toEqual({ integrity: [], references: [], audit: [] });
  });

  it('takes a forgotten requester’s mail files from every replica at its next pull', async () => {
    const server = await serverDesk();
    const boss = await ensureTechnician(server.db, SAM);
    const input = validateTicketInput({ title: 'Locked out', requester: 'Ana Quist <ana.quist@example.com>' });
    const { ticket } = await createTicket(server.db, input, boss);
    const scan = randomBytes(3_000);
    const eml = [
      'From: Ana Quist <ana.quist@example.com>',
      'To: help@example.com',
      `Subject: Re: [${ticket.ref}] Locked out`,
      'Message-ID: <scan-1@example.com>',
      'Date: Tue, 22 Jul 2025 10:00:00 +0000',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'My passport scan',
      '--b',
      'Content-Type: application/octet-stream',
      'Content-Disposition: attachment; filename="passport.bin"',
      'Content-Transfer-Encoding: base64',
      '',
      scan.toString('base64'),
      '--b--',
      '',
    ].join('\r\n');
    const bytes = Buffer.from(eml);
    const options = { actor: 'mail intake', place: 'imap INBOX', now: Date.parse('2025-07-22T10:00:00Z') };
    await deliverMail(onMachine(server), mailIn(await parseMail(bytes), bytes), options);
    const a = await replicaOf(server);
    expect((await readAttachment(a.desk, ticket.id, 1)).data.equals(scan)).toBe(true);

    await forgetRequester(onMachine(server), 'ana.quist@example.com', 'erasure request', boss);
    expect(await blobCount(server)).toBe(0);
    await syncNow(a.desk.db, server.db);
    expect(await listAttachments(a.desk.db, ticket.id)).toEqual([]);
    expect(blobStore(a.path).has(sha256(scan))).toBe(false);
    expect((await timeline(a.desk.db, ticket.id)).map((e) => e.body)).toEqual(['[redacted]']);
    expect(await checkDesk(a.desk)).toEqual({ integrity: [], references: [], audit: [] });
  });
});
