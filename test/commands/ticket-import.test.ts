/** `ticket create --from-json` takes what `--json` prints: a desk's tickets carried into a fresh desk stay the same. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { deskEnv, deskRows } from '../helpers/desk-env.js';

const ALL_COLUMNS = 'ref,prio,status,age,due,requester,assignee,tier,category,channel,created,updated,title,external_id,resolution';

const ok = async (env: Record<string, string>, args: string[], stdin?: string) => {
  const r = await runCli(args, { env, stdin });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
};

/** A desk with history: tickets from last month, assigned, resolved, pending, with requesters and tags. */
async function oldDesk(): Promise<Record<string, string>> {
  const env = await deskEnv();
  await ok(env, ['technician', 'add', 'Sam Okafor', '-e', 'sam@example.com']);
  const tickets = [
    {
      title: 'Printer jams',
      description: 'Tray 2',
      priority: 'high',
      category: 'printer',
      tags: ['printer'],
      created_at: '2026-10-01T09:00:00.000Z',
    },
    {
      title: 'VPN drops',
      requester: 'Ana Silva <ana@example.com>',
      assignee: 'sam@example.com',
      status: 'pending',
      created_at: '2026-10-02T10:30:00.000Z',
      updated_at: '2026-10-03T08:00:00.000Z',
    },
    {
      title: 'New laptop',
      status: 'resolved',
      resolution: 'Delivered',
      external_id: 'jira-7',
      channel: 'email',
      tier: 'L2',
      created_at: '2026-10-05T12:00:00.000Z',
      updated_at: '2026-10-06T12:00:00.000Z',
    },
    { title: 'Password reset', requester: 'Bo Lee' },
  ];
  await ok(env, ['ticket', 'create', '--from-json', '-', '-q'], JSON.stringify(tickets));
  return env;
}

async function freshDesk(): Promise<Record<string, string>> {
  const env = await deskEnv();
  await ok(env, ['technician', 'add', 'Sam Okafor', '-e', 'sam@example.com']);
  return env;
}

describe('ticket create --from-json with what --json prints', () => {
  it('carries `ticket list --json` into a fresh desk: the same tickets, dates and all', async () => {
    const old = await oldDesk();
    const listArgs = ['ticket', 'list', 'sort:id', '--columns', ALL_COLUMNS, '--json'];
    const listed = await ok(old, listArgs);
    const fresh = await freshDesk();
    await ok(fresh, ['ticket', 'create', '--from-json', '-', '-q'], listed);
    expect(await ok(fresh, listArgs)).toBe(listed);
    expect(JSON.parse(listed).tickets[0].created).toBe('2026-10-01T09:00:00.000Z');
  });

  it('carries `ticket show --json` (requester and assignee as objects, description, tags, stamps)', async () => {
    const old = await oldDesk();
    const fresh = await freshDesk();
    for (const ref of ['HD-1', 'HD-2', 'HD-3', 'HD-4']) {
      const shown = await ok(old, ['ticket', 'show', ref, '--json']);
      await ok(fresh, ['ticket', 'create', '--from-json', '-', '-q'], shown);
      const again = JSON.parse(await ok(fresh, ['ticket', 'show', ref, '--json']));
      const before = JSON.parse(shown);
      // Ids of people are the fresh desk's own; everything the ticket says is the same.
      const people = (t: Record<string, { id?: number } | null>) => ({
        ...t,
        requester: { ...t.requester, id: 0 },
        assignee: { ...t.assignee, id: 0 },
      });
      expect(people(again.ticket)).toEqual(people(before.ticket));
    }
    expect(await deskRows(fresh, 'SELECT name, email FROM requesters ORDER BY id')).toEqual([
      { name: 'Ana Silva', email: 'ana@example.com' },
      { name: 'Bo Lee', email: null },
    ]);
  });

  it('is idempotent on external ids and all-or-nothing', async () => {
    const old = await oldDesk();
    const listed = await ok(old, ['ticket', 'list', 'sort:id', '--columns', ALL_COLUMNS, '--json']);
    const fresh = await freshDesk();
    await ok(fresh, ['ticket', 'create', '--from-json', '-', '-q'], listed);
    const again = await runCli(['ticket', 'create', '--from-json', '-'], { env: fresh, stdin: listed });
    expect(again.stdout).toContain('exists  HD-3  New laptop');
    const broken = JSON.parse(listed);
    broken.tickets[3].created = 'last Tuesday';
    const r = await runCli(['ticket', 'create', '--from-json', '-'], { env: fresh, stdin: JSON.stringify(broken) });
    expect(r.code).toBe(4);
    expect(r.stderr).toBe("deskline: stdin item 4: createdAt: must be a time such as 2026-11-23T09:52:00Z (got 'last Tuesday')\n");
    expect(await deskRows(fresh, 'SELECT count(*) AS n FROM tickets')).toEqual([{ n: 7 }]);
  });

  it('names the item of a one-line array that is wrong, and writes nothing', async () => {
    const env = await deskEnv();
    const r = await runCli(['ticket', 'create', '--from-json', '-'], {
      env,
      stdin: '[{"title":"A"},{"title":"B"},{"title":"C","priority":"super"}]',
    });
    expect(r.code).toBe(4);
    expect(r.stderr).toBe("deskline: stdin item 3: priority: must be one of urgent, high, normal, low (got 'super')\n");
    expect(await deskRows(env, 'SELECT count(*) AS n FROM tickets')).toEqual([{ n: 0 }]);
  });

  it('gives a ticket with no title the first words of its description, and says so once per ticket', async () => {
    const env = await deskEnv();
    const long = 'Outlook keeps asking for the password after the update on every start\nSecond line';
    const r = await runCli(['ticket', 'create', '--from-json', '-', '-q'], {
      env,
      stdin: JSON.stringify([{ title: '', description: long }, { title: 'Has one', description: 'x' }, { description: 'Scanner offline' }]),
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'stdin item 1: no title; took "Outlook keeps asking for the password after the update on…" from the description\n' +
        'stdin item 3: no title; took "Scanner offline" from the description\n',
    );
    expect(await deskRows(env, 'SELECT title FROM tickets ORDER BY id')).toEqual([
      { title: 'Outlook keeps asking for the password after the update on…' },
      { title: 'Has one' },
      { title: 'Scanner offline' },
    ]);
    const empty = await runCli(['ticket', 'create', '--from-json', '-'], { env, stdin: '[{"title":"A"},{"title":" ","description":""}]' });
    expect(empty).toMatchObject({ code: 4, stderr: 'deskline: stdin item 2: title: is required\n' });
  });
});
