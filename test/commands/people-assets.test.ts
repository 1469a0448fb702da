import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { snapshot } from '../helpers/db-snapshot.js';
import { tempEnv } from '../helpers/temp.js';

/** Rows per table that hold a requester, read from the file with SQL. */
function counts(path: string, id: number) {
  const db = new Database(path, { readonly: true });
  try {
    const n = (sql: string) => (db.prepare(sql).get(id) as { n: number }).n;
    return {
      tickets: n('SELECT count(*) n FROM tickets WHERE requester_id = ?'),
      assets: n('SELECT count(*) n FROM assets WHERE owner_id = ?'),
      history: n('SELECT count(*) n FROM asset_owners WHERE requester_id = ?'),
      emails: n('SELECT count(*) n FROM requester_emails WHERE requester_id = ?'),
      requesters: n('SELECT count(*) n FROM requesters WHERE id = ?'),
    };
  } finally {
    db.close();
  }
}

const ok = async (args: string[], env: Record<string, string>) => {
  const r = await runCli(args, { env });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
};

describe('requester merge', () => {
  it('moves tickets, assets (with their history) and mail addresses once, and loses nothing', async () => {
    const env = tempEnv();
    await ok(['requester', 'add', 'Ana Silva', '-e', 'ana@example.com'], env);
    await ok(['requester', 'add', 'A. Silva', '-e', 'ana.silva@old.example.com', '--phone', '555-0101'], env);
    for (const t of ['VPN down', 'Printer jam']) await ok(['ticket', 'create', '-t', t, '-r', 'ana@example.com'], env);
    for (const t of ['Laptop slow', 'Badge lost', 'Mailbox full'])
      await ok(['ticket', 'create', '-t', t, '-r', 'ana.silva@old.example.com'], env);
    await ok(['asset', 'add', 'LT-0042', '--type', 'laptop', '--owner', 'ana.silva@old.example.com'], env);
    await ok(['asset', 'add', 'PH-0007', '--type', 'phone', '--owner', '2'], env);
    await ok(['asset', 'add', 'MN-0001', '--type', 'monitor', '--owner', '1'], env);
    const db = env.DESKLINE_DB!;
    expect([counts(db, 1), counts(db, 2)]).toEqual([
      { tickets: 2, assets: 1, history: 1, emails: 0, requesters: 1 },
      { tickets: 3, assets: 2, history: 2, emails: 0, requesters: 1 },
    ]);
    const out = await ok(['requester', 'merge', 'ana@example.com', 'ana.silva@old.example.com', '--yes'], env);
    expect(out).toBe('merged A. Silva (2) into Ana Silva (1): 3 ticket(s), 2 asset(s), 1 mail address(es) moved\n');
    expect([counts(db, 1), counts(db, 2)]).toEqual([
      { tickets: 5, assets: 3, history: 3, emails: 1, requesters: 1 },
      { tickets: 0, assets: 0, history: 0, emails: 0, requesters: 0 },
    ]);
    // The old address still finds the person; a new ticket from it lands on the kept record.
    const show = await ok(['requester', 'show', 'ana.silva@old.example.com'], env);
    expect(show).toContain('also        ana.silva@old.example.com');
    expect(show).toContain('phone       555-0101');
    expect(show).toContain('Open tickets (5)');
    expect(show).toContain('Assets (3)');
    await ok(['ticket', 'create', '-t', 'Again', '-r', 'ana.silva@old.example.com'], env);
    expect(counts(db, 1).tickets).toBe(6);
    // Each moved ticket says so in its history, once.
    const history = JSON.parse(await ok(['ticket', 'history', 'HD-3', '--json'], env)) as { events: { action: string }[] };
    expect(history.events.filter((e) => e.action === 'merge-requester')).toHaveLength(1);
  });

  it('refuses a merge into itself or of nobody, changing nothing', async () => {
    const env = tempEnv();
    await ok(['requester', 'add', 'Ana Silva', '-e', 'ana@example.com'], env);
    const before = snapshot(env.DESKLINE_DB!);
    const self = await runCli(['requester', 'merge', 'ana@example.com', '1', '--yes'], { env });
    expect(self).toMatchObject({ code: 4, stderr: "deskline: 'ana@example.com' and '1' are the same requester (1)\n" });
    expect((await runCli(['requester', 'merge', '1', 'nobody@example.com', '--yes'], { env })).code).toBe(2);
    expect((await runCli(['requester', 'merge', '1', '2'], { env })).code).toBe(2);
    expect(snapshot(env.DESKLINE_DB!)).toBe(before);
  });

  it('updates location, VIP and notes', async () => {
    const env = tempEnv();
    await ok(['requester', 'add', 'Ana Silva', '-e', 'ana@example.com'], env);
    await ok(['requester', 'update', 'ana@example.com', '--location', 'HQ 3rd floor', '--vip', '--notes', 'Prefers calls'], env);
    const show = await ok(['requester', 'show', '1'], env);
    expect(show).toContain('Ana Silva <ana@example.com>  ★ VIP');
    expect(show).toContain('location    HQ 3rd floor');
    expect(show).toContain('Prefers calls');
    await ok(['requester', 'update', '1', '--no-vip'], env);
    expect(JSON.parse(await ok(['requester', 'show', '1', '--json'], env)).requester.vip).toBe(false);
  });
});

describe('groups', () => {
  it("My queue holds my tickets and my groups' unassigned ones; escalate hands a ticket to a group", async () => {
    const env = tempEnv({ DESKLINE_USER_NAME: 'Lee Chen', DESKLINE_USER_EMAIL: 'lee@example.com' });
    await ok(['config', 'set', 'user.email', 'lee@example.com'], env);
    await ok(['config', 'set', 'user.name', 'Lee Chen'], env);
    await ok(['technician', 'add', 'Lee Chen', '-e', 'lee@example.com', '--tier', 'L2'], env);
    await ok(['technician', 'add', 'Sam Okafor', '-e', 'sam@example.com', '--tier', 'L2'], env);
    await ok(['group', 'add', 'Desktop Support L2', '--member', 'lee@example.com,sam@example.com'], env);
    await ok(['group', 'add', 'Network L3'], env);
    for (const t of ['Mine', 'Group waiting', 'Other group', 'Taken by Sam', 'Nobody']) await ok(['ticket', 'create', '-t', t], env);
    await ok(['ticket', 'assign', 'HD-1'], env);
    expect(await ok(['ticket', 'assign', 'HD-2', '--group', 'desktop'], env)).toBe('HD-2 assigned to nobody (group Desktop Support L2)\n');
    await ok(['ticket', 'assign', 'HD-3', '--group', 'Network L3'], env);
    await ok(['ticket', 'assign', 'HD-4', '--group', 'Desktop Support L2', '--to', 'sam@example.com'], env);
    const list = JSON.parse(await ok(['ticket', 'list', 'assignee:me,mygroups', 'sort:id', '--json'], env)) as {
      tickets: { ref: string }[];
    };
    expect(list.tickets.map((t) => t.ref)).toEqual(['HD-1', 'HD-2']);
    const groups = JSON.parse(await ok(['ticket', 'list', 'group:desktop', 'sort:id', '--json'], env)) as { tickets: { ref: string }[] };
    expect(groups.tickets.map((t) => t.ref)).toEqual(['HD-2', 'HD-4']);
    expect(await ok(['group', 'list'], env)).toMatch(/Desktop Support L2\s+2\s+1\n/);
    await ok(['ticket', 'escalate', 'HD-5', '--to', 'L3', '--group', 'Network', '--reason', 'core switch'], env);
    const five = JSON.parse(await ok(['ticket', 'show', 'HD-5', '--json'], env)).ticket;
    expect(five).toMatchObject({ tier: 'L3', group: 'Network L3', assignee: null });
    await ok(['group', 'members', 'Desktop', '--remove', 'Lee Chen'], env);
    const after = JSON.parse(await ok(['ticket', 'list', 'assignee:me,mygroups', '--json'], env)) as { tickets: { ref: string }[] };
    expect(after.tickets.map((t) => t.ref)).toEqual(['HD-1']);
    expect((await runCli(['ticket', 'assign', 'HD-1', '--group', 'Nope'], { env })).code).toBe(2);
    expect((await runCli(['group', 'add', 'network l3'], { env })).code).toBe(3);
  });
});

describe('assets', () => {
  it("lists an asset's owners and tickets in its history", async () => {
    const env = tempEnv();
    await ok(['requester', 'add', 'Ana Silva', '-e', 'ana@example.com'], env);
    await ok(['requester', 'add', 'Bo Chen', '-e', 'bo@example.com'], env);
    await ok(['asset', 'add', 'lt-0042', '--type', 'laptop', '--model', 'Latitude 5440', '--warranty', '2027-03-31'], env);
    await ok(['asset', 'assign', 'LT-0042', 'ana@example.com'], env);
    await ok(['ticket', 'create', '-t', 'Fan noise', '-r', 'ana@example.com'], env);
    expect(await ok(['ticket', 'asset', 'HD-1', 'LT-0042'], env)).toBe('HD-1 linked to LT-0042\n');
    expect(await ok(['ticket', 'asset', 'HD-1', 'lt-0042'], env)).toBe('HD-1 already linked to LT-0042\n');
    await ok(['asset', 'assign', 'LT-0042', 'none'], env);
    await ok(['asset', 'assign', 'LT-0042', 'Bo Chen'], env);
    const h = JSON.parse(await ok(['asset', 'show', 'LT-0042', '--json'], env));
    expect(h.asset).toMatchObject({ tag: 'LT-0042', status: 'deployed', owner: 'Bo Chen', warranty_until: '2027-03-31' });
    expect(h.owners.map((o: { name: string | null }) => o.name)).toEqual(['Ana Silva', null, 'Bo Chen']);
    expect(h.tickets.map((t: { ref: string }) => t.ref)).toEqual(['HD-1']);
    const bad = await runCli(['asset', 'add', 'X-1', '--type', 'toaster'], { env });
    expect(bad).toMatchObject({
      code: 4,
      stderr: "deskline: type: 'toaster' is not one of laptop, desktop, monitor, printer, phone, licence, other\n",
    });
  });

  it('imports CSV all or nothing, naming the line; importing again changes nothing', async () => {
    const env = tempEnv();
    await ok(['requester', 'add', 'Ana Silva', '-e', 'ana@example.com'], env);
    const dir = env.HOME!;
    const good = join(dir, 'assets.csv');
    writeFileSync(
      good,
      'Asset Tag,Type,Model,Serial Number,Assigned To,Status,Warranty\nLT-1,laptop,T14,S1,ana@example.com,,2027-01-31\nPR-2,printer,M404,S2,,in repair,\n',
    );
    expect(await ok(['asset', 'import', good], env)).toBe('2 asset(s): 2 added, 0 updated, 0 unchanged\n');
    const once = snapshot(env.DESKLINE_DB!);
    expect(await ok(['asset', 'import', good], env)).toBe('2 asset(s): 0 added, 0 updated, 2 unchanged\n');
    expect(snapshot(env.DESKLINE_DB!)).toBe(once);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'tag,type,warranty\nLT-9,laptop,2027-01-01\nLT-10,laptop,2027-02-30\n');
    expect(await runCli(['asset', 'import', bad], { env })).toMatchObject({
      code: 4,
      stderr: `deskline: ${bad}:3: warranty: '2027-02-30' is not a date (YYYY-MM-DD)\n`,
    });
    const nobody = join(dir, 'nobody.csv');
    writeFileSync(nobody, 'tag,type,owner\nLT-11,laptop,\nLT-12,laptop,zed@example.com\n');
    expect((await runCli(['asset', 'import', nobody], { env })).stderr).toBe(`deskline: ${nobody}:3: no requester 'zed@example.com'\n`);
    expect(snapshot(env.DESKLINE_DB!)).toBe(once);
  });
});
