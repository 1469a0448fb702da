/**
 * Redaction (issue 18): after `ticket redact` and `requester forget` the text is in neither the
 * database file's bytes, its -wal, nor the search index; the attachment's bytes are gone; who, what and
 * why are recorded; `db check` still passes.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { rawDesk, tempEnv } from '../helpers/temp.js';

const SECRET = 'Zorblax7731Passport';
const PHONE = '+44 7700 900123';

function bytesHold(path: string, text: string): boolean {
  return existsSync(path) && readFileSync(path).includes(Buffer.from(text, 'utf8'));
}

describe('redaction', () => {
  it('ticket redact removes an entry from the file, the -wal, the index and the attachment folder', async () => {
    const env = tempEnv();
    const db = env.DESKLINE_DB!;
    const run = async (...args: string[]) => runCli(args, { env });
    await run('ticket', 'create', '-t', 'Locked out', '-r', 'Ana Silva <ana@example.com>');
    await run('ticket', 'comment', 'HD-1', '--note', 'Checked the account');
    await run('ticket', 'comment', 'HD-1', '--note', `Her passport number is ${SECRET}`);
    const sha = 'b'.repeat(64);
    const blob = join(db.replace(/\.db$/, '-attachments'), 'bb', sha);
    mkdirSync(join(blob, '..'), { recursive: true });
    writeFileSync(blob, `scan of ${SECRET}`);
    rawDesk(env, (raw) => {
      const entry = raw.prepare("SELECT id FROM interactions WHERE body LIKE '%passport%'").pluck().get();
      raw
        .prepare(
          "INSERT INTO attachments (ticket_id, interaction_id, name, size, sha256, added_by, created_at) VALUES (1, ?, 'scan.pdf', 9, ?, 'tester', 0)",
        )
        .run(entry, sha);
    });
    expect(JSON.parse((await run('ticket', 'list', SECRET.toLowerCase(), '--json')).stdout).total).toBe(1);

    expect(bytesHold(db, SECRET) || bytesHold(`${db}-wal`, SECRET)).toBe(true); // the check can see it
    const r = await run('ticket', 'redact', 'HD-1', '--interaction', '2', '--reason', 'personal data');
    expect(r).toMatchObject({ code: 0, stdout: 'HD-1 entry 2 redacted\n', stderr: '' });
    expect(bytesHold(db, SECRET)).toBe(false);
    expect(bytesHold(`${db}-wal`, SECRET)).toBe(false);
    expect(existsSync(blob)).toBe(false);
    rawDesk(env, (raw) => {
      expect(raw.prepare('SELECT body FROM interactions ORDER BY id').pluck().all()).toEqual(['Checked the account', '[redacted]']);
      expect(raw.prepare('SELECT count(*) FROM attachments').pluck().get()).toBe(0);
      expect(raw.prepare('SELECT count(*) FROM ticket_fts_vocab WHERE term = ?').pluck().get(SECRET.toLowerCase())).toBe(0);
      expect(raw.prepare('SELECT what, reason, actor FROM redactions').all()).toEqual([
        { what: 'timeline entry 2', reason: 'personal data', actor: 'tester' },
      ]);
    });
    expect(JSON.parse((await run('ticket', 'list', SECRET.toLowerCase(), '--json')).stdout).total).toBe(0);
    expect((await run('ticket', 'history', 'HD-1')).stdout).toMatch(/tester {2}redact {2}redacted: — → timeline entry 2: personal data/);
    expect((await run('db', 'check')).code).toBe(0);
    expect((await run('ticket', 'redact', 'HD-1', '--interaction', '9', '--reason', 'x')).stderr).toBe(
      'deskline: HD-1 has no timeline entry 9 (it has 2)\n',
    );
    expect((await run('ticket', 'redact', 'HD-1', '--interaction', '1', '--reason', ' ')).code).toBe(4);
  });

  it('requester forget blanks the requester and their words on every ticket', async () => {
    const env = tempEnv();
    const db = env.DESKLINE_DB!;
    const run = async (...args: string[]) => runCli(args, { env });
    await run('requester', 'add', 'Ana Zorblax', '-e', 'ana.zorblax@example.com', '--phone', PHONE);
    await run('ticket', 'create', '-t', 'VPN for Ana Zorblax', '-d', `Call her on ${PHONE}`, '-r', 'ana.zorblax@example.com');
    await run('ticket', 'comment', 'HD-1', '--note', 'Ana Zorblax says it fails at 9');
    expect(bytesHold(db, 'Zorblax') || bytesHold(`${db}-wal`, 'Zorblax')).toBe(true);
    const r = await run('requester', 'forget', 'ANA.ZORBLAX@example.com', '--reason', 'erasure request');
    expect(r).toMatchObject({ code: 0, stdout: 'forgotten: 3 text(s) on 1 ticket(s) redacted\n' });
    for (const text of ['Zorblax', PHONE]) {
      expect(bytesHold(db, text), text).toBe(false);
      expect(bytesHold(`${db}-wal`, text), text).toBe(false);
    }
    rawDesk(env, (raw) => {
      expect(raw.prepare('SELECT name, email, phone FROM requesters').all()).toEqual([{ name: '[forgotten]', email: null, phone: null }]);
      expect(raw.prepare("SELECT count(*) FROM ticket_fts_vocab WHERE term LIKE 'zorblax%'").pluck().get()).toBe(0);
    });
    expect((await run('db', 'check')).code).toBe(0);
    expect((await run('requester', 'forget', 'nobody@example.com', '--reason', 'x')).code).toBe(2);
  });
});
