/**
 * `ticket redact` and `requester forget` on a team desk (issue 21): through the store on PostgreSQL as
 * on SQLite. The text leaves the timeline, the search document, the typo vocabulary and the trail;
 * `db check` still passes. A technician's role may not rewrite the trail: refused in one line, exit 5,
 * nothing written.
 */
import { describe, expect, it } from 'vitest';
import { asRole, cli, teamDesk } from '../../helpers/pg-team.js';

const SECRET = 'Zorblax7731Passport';
const KEPT = "the server keeps the old row versions until VACUUM reclaims them: the desk's owner may run VACUUM";

describe('redaction on PostgreSQL', () => {
  it('ticket redact removes an entry from the timeline, the search and the typo words; db check passes', async () => {
    const { url, env, owner } = await teamDesk(0);
    const run = (...args: string[]) => cli(url, env, ...args);
    await run('ticket', 'create', '-t', 'Locked out', '-r', 'Ana Silva <ana@example.com>');
    await run('ticket', 'comment', 'HD-1', '--note', 'Checked the account');
    await run('ticket', 'comment', 'HD-1', '--note', `Her passport number is ${SECRET}`);
    expect(JSON.parse((await run('ticket', 'list', SECRET.toLowerCase(), '--json')).stdout).total).toBe(1);
    const held = async () =>
      (
        await owner.query(
          `SELECT (SELECT count(*)::int FROM interactions WHERE body LIKE $1) AS interactions,
              (SELECT count(*)::int FROM audit_events WHERE old_value LIKE $1 OR new_value LIKE $1) AS audit,
              (SELECT count(*)::int FROM ticket_words WHERE word LIKE $2) AS words,
              (SELECT count(*)::int FROM ticket_search WHERE doc::text LIKE $2) AS search`,
          [`%${SECRET}%`, `%${SECRET.toLowerCase()}%`],
        )
      ).rows[0];
    expect(await held()).toEqual({ interactions: 1, audit: 0, words: 1, search: 1 });
    const r = await run('ticket', 'redact', 'HD-1', '--interaction', '2', '--reason', 'personal data');
    expect([r.code, r.stdout, r.stderr.startsWith(KEPT)]).toEqual([0, 'HD-1 entry 2 redacted\n', true]);
    expect(await held()).toEqual({ interactions: 0, audit: 0, words: 0, search: 0 });
    const { rows } = await owner.query('SELECT what, reason FROM redactions');
    expect(rows).toEqual([{ what: 'timeline entry 2', reason: 'personal data' }]);
    expect(JSON.parse((await run('ticket', 'list', SECRET.toLowerCase(), '--json')).stdout).total).toBe(0);
    expect((await run('ticket', 'list', 'account', '--json')).stdout).toContain('Locked out');
    const check = await run('db', 'check');
    expect([check.code, check.stderr]).toEqual([0, '']);
    expect((await run('ticket', 'redact', 'HD-1', '--interaction', '9', '--reason', 'x')).stderr).toBe(
      'deskline: HD-1 has no timeline entry 9 (it has 2)\n',
    );
  });

  it('requester forget blanks the requester and their words; db check passes', async () => {
    const { url, env, owner } = await teamDesk(0);
    const run = (...args: string[]) => cli(url, env, ...args);
    await run('requester', 'add', 'Ana Zorblax', '-e', 'ana.zorblax@example.com');
    await run('ticket', 'create', '-t', 'VPN for Ana Zorblax', '-r', 'ana.zorblax@example.com');
    await run('ticket', 'comment', 'HD-1', '--note', 'Ana Zorblax says it fails at 9');
    expect((await run('ticket', 'update', 'HD-1', '--title', 'VPN for Ana Zorblax, again')).code).toBe(0);
    const zorblax = `SELECT (SELECT count(*)::int FROM ticket_words WHERE word LIKE '%zorblax%') AS words,
      (SELECT count(*)::int FROM audit_events WHERE new_value LIKE '%Zorblax%' OR old_value LIKE '%Zorblax%') AS audit`;
    expect((await owner.query(zorblax)).rows[0]).toEqual({ words: 1, audit: 1 });
    const r = await run('requester', 'forget', 'ana.zorblax@example.com', '--reason', 'erasure request');
    expect([r.code, r.stdout]).toEqual([0, 'forgotten: 2 text(s) on 1 ticket(s) redacted\n']);
    expect((await owner.query(zorblax)).rows[0]).toEqual({ words: 0, audit: 0 });
    expect((await run('db', 'check')).code).toBe(0);
  });

  it('a technician may not redact (the trail is append-only for them): one line, exit 5, nothing written', async () => {
    const { url, env, owner, logins } = await teamDesk(1);
    await cli(url, env, 'technician', 'add', 'Sam Okafor', '-e', 'sam@example.com', '--role', logins[0]!);
    await cli(url, env, 'ticket', 'create', '-t', 'Locked out', '-r', 'Ana Silva <ana@example.com>');
    await cli(url, env, 'ticket', 'comment', 'HD-1', '--note', `passport ${SECRET}`);
    const r = await cli(asRole(url, logins[0]!), env, 'ticket', 'redact', 'HD-1', '--interaction', '2', '--reason', 'personal data');
    expect([r.code, r.stdout, r.stderr]).toEqual([
      5,
      '',
      "deskline: redaction rewrites the audit trail, which a technician may only append to: the desk's owner runs it (the role that ran 'deskline db init')\n",
    ]);
    const { rows } = await owner.query(
      'SELECT (SELECT count(*)::int FROM redactions) AS redactions, (SELECT body FROM interactions ORDER BY id DESC LIMIT 1) AS body',
    );
    expect(rows[0]).toEqual({ redactions: 0, body: `passport ${SECRET}` });
  });
});
