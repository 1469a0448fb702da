/**
 * `deskline import eml|mbox|maildir` through the CLI: messages open tickets with their requesters and
 * attachments, replies thread by In-Reply-To and [HD-n] and reopen a pending ticket (audited), automatic
 * mail never opens a ticket, stdin takes one message, and every second run adds nothing.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { deskEnv, deskRows, deskSnapshot } from '../helpers/desk-env.js';

const M = 'fixtures/import/mail';
const FIRST = ['plain.eml', 'latin1.eml', 'alternative-inline.eml', 'html-only.eml', 'bulk.eml', 'bounce.eml'].map((f) => `${M}/${f}`);

describe('deskline import eml', () => {
  it('opens tickets from people’s mail and leaves automatic mail out, saying so', async () => {
    const env = await deskEnv();
    const r = await runCli(['import', 'eml', ...FIRST], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('imported: 4 created, 0 updated, 2 skipped');
    expect(r.stdout).toContain('1 automatic mails left out (bulk), 1 automatic mails left out (bounce)');
    expect(
      await deskRows(
        env,
        'SELECT t.title, t.channel, t.status, t.external_id, r.name, r.email FROM tickets t JOIN requesters r ON r.id = t.requester_id ORDER BY t.id',
      ),
    ).toEqual([
      {
        title: 'VPN não liga — drops every ten minutes',
        channel: 'email',
        status: 'new',
        external_id: '<CAF1a2b3c4d5@mail.example.com>',
        name: 'Ana Silva (Finanças)',
        email: 'ana.silva@example.com',
      },
      {
        title: 'Drucker im Büro 3 druckt nicht',
        channel: 'email',
        status: 'new',
        external_id: '<latin1-0001@mail.example.de>',
        name: 'Jürgen Müller',
        email: 'juergen@example.de',
      },
      {
        title: 'Screen flickers (screenshot inside)',
        channel: 'email',
        status: 'new',
        external_id: '<alt-inline-0002@mail.example.com>',
        name: 'Bo Chen',
        email: 'bo.chen@example.com',
      },
      {
        title: 'New starter needs a laptop',
        channel: 'email',
        status: 'new',
        external_id: '<html-only-0003@mail.example.com>',
        name: 'Dee Jones',
        email: 'dee@example.com',
      },
    ]);
    expect(await deskRows(env, 'SELECT ticket_id, name, content_type, size FROM attachments ORDER BY id')).toEqual([
      { ticket_id: 3, name: 'inline-1.png', content_type: 'image/png', size: 67 },
      { ticket_id: 3, name: 'dock-firmware.pdf', content_type: 'application/pdf', size: 16 },
    ]);
  });

  it('threads replies, reopens a pending ticket for its requester (audited), notes auto-replies, adds nothing twice', async () => {
    const env = await deskEnv();
    await runCli(['import', 'eml', `${M}/plain.eml`], { env });
    expect((await runCli(['ticket', 'update', 'HD-1', '--status', 'pending'], { env })).code).toBe(0);
    const autoReply = readFileSync(`${M}/auto-reply.eml`, 'utf8').replace(
      'Subject: Automatic reply: Printer on floor 3',
      'Subject: Automatic reply: [HD-1] VPN',
    );
    const dir = tempDir();
    writeFileSync(join(dir, 'ooo.eml'), autoReply);
    const r = await runCli(['import', 'eml', `${M}/reply.eml`, `${M}/subject-ref.eml`, join(dir, 'ooo.eml')], { env });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('imported: 0 created, 3 updated, 0 skipped');
    expect(
      await deskRows(env, 'SELECT kind, author_name, message_id FROM interactions WHERE ticket_id = 1 ORDER BY created_at, id'),
    ).toEqual([
      { kind: 'email_in', author_name: 'Ana Silva', message_id: '<CAF9z8y7x6@mail.example.com>' },
      { kind: 'note', author_name: 'Carl Berg', message_id: '<ooo-0004@mail.example.com>' },
      { kind: 'email_in', author_name: 'Ana Silva', message_id: '<ref-0007@mail.example.com>' },
    ]);
    expect(await deskRows(env, 'SELECT status FROM tickets WHERE id = 1')).toEqual([{ status: 'open' }]);
    expect(
      await deskRows(
        env,
        "SELECT actor, action, old_value, new_value FROM audit_events WHERE ticket_id = 1 AND field = 'status' ORDER BY id",
      ),
    ).toEqual([
      { actor: expect.any(String), action: 'update', old_value: 'new', new_value: 'pending' },
      { actor: 'Ana Silva', action: 'email_in', old_value: 'pending', new_value: 'open' },
    ]);
    expect((await runCli(['db', 'check'], { env })).code).toBe(0);
    const before = await deskSnapshot(env);
    const again = await runCli(['import', 'eml', `${M}/plain.eml`, `${M}/reply.eml`, `${M}/subject-ref.eml`, join(dir, 'ooo.eml')], {
      env,
    });
    expect(again.stdout).toContain('nothing new (4 already there, skipped)');
    expect(await deskSnapshot(env)).toBe(before);
  });

  it('reads one message from stdin', async () => {
    const env = await deskEnv();
    const r = await runCli(['import', 'eml', '-'], { env, stdin: readFileSync(`${M}/latin1.eml`) });
    expect(r.code).toBe(0);
    expect(await deskRows(env, 'SELECT title FROM tickets')).toEqual([{ title: 'Drucker im Büro 3 druckt nicht' }]);
  });
});

describe('deskline import mbox / maildir', () => {
  const mbox = (names: string[]) =>
    names
      .map(
        (n) =>
          `From sender@example.com Mon Jul 20 09:00:00 2025\n${readFileSync(`${M}/${n}`, 'latin1')
            .replace(/\r\n/g, '\n')
            .replace(/^(>*From )/gm, '>$1')}\n`,
      )
      .join('');

  it('imports an mbox: messages and their replies in one run', async () => {
    const env = await deskEnv();
    const path = join(tempDir(), 'inbox.mbox');
    writeFileSync(path, mbox(['plain.eml', 'reply.eml', 'latin1.eml', 'auto-reply.eml']), 'latin1');
    const r = await runCli(['import', 'mbox', path], { env });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('imported: 2 created, 1 updated, 1 skipped');
    expect(await deskRows(env, 'SELECT ticket_id, kind FROM interactions')).toEqual([{ ticket_id: 1, kind: 'email_in' }]);
  });

  it('imports a maildir (cur and new)', async () => {
    const env = await deskEnv();
    const dir = tempDir();
    for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(dir, sub));
    writeFileSync(join(dir, 'cur', '1753000000.M1P1.host:2,S'), readFileSync(`${M}/plain.eml`));
    writeFileSync(join(dir, 'new', '1753000100.M2P1.host'), readFileSync(`${M}/reply.eml`));
    writeFileSync(join(dir, 'tmp', '1753000200.M3P1.host'), 'half a message');
    const r = await runCli(['import', 'maildir', dir], { env });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('imported: 1 created, 1 updated, 0 skipped');
  });
});
