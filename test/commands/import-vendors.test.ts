/** `deskline import zendesk|jira` through the CLI: the fixtures land with their timelines, a second run creates nothing. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { deskEnv, deskRows, deskSnapshot } from '../helpers/desk-env.js';

const Z = 'fixtures/import/zendesk';
const J = 'fixtures/import/jira';

describe('deskline import zendesk', () => {
  it('imports tickets, people and timelines once; again creates nothing', async () => {
    const env = await deskEnv();
    const first = await runCli(['import', 'zendesk', `${Z}/tickets.json`, `${Z}/35436.json`, `${Z}/export.ndjson`], { env });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('imported: 4 created, 0 updated, 0 skipped');
    expect(await deskRows(env, 'SELECT external_id, status, priority, channel FROM tickets ORDER BY id')).toEqual([
      { external_id: 'zendesk:35436', status: 'open', priority: 'high', channel: 'email' },
      { external_id: 'zendesk:35437', status: 'resolved', priority: 'normal', channel: 'web' },
      { external_id: 'zendesk:35438', status: 'on_hold', priority: 'low', channel: 'phone' },
      { external_id: 'zendesk:41001', status: 'closed', priority: 'normal', channel: 'chat' },
    ]);
    expect(
      await deskRows(
        env,
        'SELECT kind, author_name, CASE WHEN author_id IS NOT NULL THEN 1 ELSE 0 END AS tech FROM interactions WHERE ticket_id = 1 ORDER BY created_at, id',
      ),
    ).toEqual([
      { kind: 'note', author_name: 'Zendesk import', tech: 0 },
      { kind: 'note', author_name: 'Kim Agent', tech: 1 },
      { kind: 'reply', author_name: 'Kim Agent', tech: 1 },
      { kind: 'email_in', author_name: 'Ana Silva', tech: 0 },
    ]);
    expect(await deskRows(env, 'SELECT name, email FROM technicians ORDER BY id')).toContainEqual({
      name: 'Kim Agent',
      email: 'kim@helpdesk.example.com',
    });
    const before = await deskSnapshot(env);
    const again = await runCli(['import', 'zendesk', `${Z}/tickets.json`, `${Z}/35436.json`, `${Z}/export.ndjson`], { env });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('nothing new (4 already there, skipped)');
    expect(await deskSnapshot(env)).toBe(before);
  });
});

describe('deskline import jira', () => {
  it('imports the CSV export and the search JSON in one run', async () => {
    const env = await deskEnv();
    const r = await runCli(['import', 'jira', `${J}/export.csv`, `${J}/search.json`], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('imported: 5 created');
    expect(await deskRows(env, "SELECT external_id, status FROM tickets WHERE external_id LIKE 'jira:%' ORDER BY id")).toEqual([
      { external_id: 'jira:HELP-101', status: 'open' },
      { external_id: 'jira:HELP-102', status: 'resolved' },
      { external_id: 'jira:HELP-103', status: 'pending' },
      { external_id: 'jira:ITSD-7', status: 'open' },
      { external_id: 'jira:ITSD-8', status: 'closed' },
    ]);
    expect(
      await deskRows(env, 'SELECT t.name FROM tags t JOIN ticket_tags tt ON tt.tag_id = t.id WHERE tt.ticket_id = 1 ORDER BY t.name'),
    ).toEqual(['hardware', 'incident', 'laptops', 'urgent-user'].map((name) => ({ name })));
  });
});
