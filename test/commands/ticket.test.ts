import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { dbRows, tempDeskEnv } from '../helpers/temp.js';

const rows = dbRows;

describe('ticket create', () => {
  it('creates from flags, resolving the requester and tags, and audits it', async () => {
    const env = await tempDeskEnv();
    const r = await runCli(
      [
        'ticket',
        'create',
        '-t',
        'Printer jams on 4th floor',
        '-p',
        'high',
        '-c',
        'printer',
        '-r',
        'Ana Silva <ana@example.com>',
        '--tag',
        'printer,floor4',
      ],
      { env },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('created HD-1  Printer jams on 4th floor\n');
    expect(
      await rows(
        env,
        'SELECT title, priority, priority_rank, category, status, CASE WHEN next_due_at IS NOT NULL THEN 1 ELSE 0 END AS due FROM tickets',
      ),
    ).toEqual([{ title: 'Printer jams on 4th floor', priority: 'high', priority_rank: 2, category: 'printer', status: 'new', due: 1 }]);
    expect(await rows(env, 'SELECT name, email FROM requesters')).toEqual([{ name: 'Ana Silva', email: 'ana@example.com' }]);
    expect(await rows(env, 'SELECT name FROM tags ORDER BY name')).toEqual([{ name: 'floor4' }, { name: 'printer' }]);
    expect(await rows(env, 'SELECT action, actor FROM audit_events')).toEqual([{ action: 'create', actor: 'tester' }]);
  });

  it('reads the description from a pipe and is idempotent with --external-id', async () => {
    const env = await tempDeskEnv();
    const first = await runCli(['ticket', 'create', '-t', 'Disk alert db01', '--external-id', 'alert-1', '-q'], {
      env,
      stdin: 'Disk /var at 95%\n',
    });
    expect(first.stdout).toBe('HD-1\n');
    const again = await runCli(['ticket', 'create', '-t', 'Disk alert db01', '--external-id', 'alert-1'], { env, stdin: 'x' });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^exists {2}HD-1/);
    expect(await rows(env, 'SELECT description FROM tickets')).toEqual([{ description: 'Disk /var at 95%' }]);
  });

  it('creates from JSON Lines all-or-nothing, naming the bad line', async () => {
    const env = await tempDeskEnv();
    const good = '{"title":"A","priority":"low"}\n{"title":"B","tags":["vpn"]}\n';
    const bad = `${good}{"title":"C","priority":"super"}\n`;
    const r = await runCli(['ticket', 'create', '--from-json', '-'], { env, stdin: bad });
    expect(r.code).toBe(4);
    expect(r.stderr).toBe("deskline: stdin line 3: priority: must be one of urgent, high, normal, low (got 'super')\n");
    const ok = await runCli(['ticket', 'create', '--from-json', '-', '--json'], { env, stdin: good });
    expect(ok.code).toBe(0);
    const doc = JSON.parse(ok.stdout);
    expect(doc.schema).toBe(1);
    expect(doc.tickets.map((t: { ref: string }) => t.ref)).toEqual(['HD-1', 'HD-2']);
  });

  it('--dry-run validates and writes nothing', async () => {
    const env = await tempDeskEnv();
    const r = await runCli(['ticket', 'create', '-t', 'Nothing', '--dry-run'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('would create');
    expect(await rows(env, 'SELECT count(*) AS n FROM tickets')).toEqual([{ n: 0 }]);
  });
});

describe('ticket lifecycle', () => {
  it('assigns, comments, escalates, resolves, reopens, with history', async () => {
    const env = await tempDeskEnv();
    await runCli(['ticket', 'create', '-t', 'VPN drops', '-r', 'bo@example.com'], { env });
    expect((await runCli(['ticket', 'assign', 'HD-1'], { env })).stdout).toBe('HD-1 assigned to tester\n');
    expect((await runCli(['ticket', 'comment', 'HD-1', '--call', '-m', '15', 'Called Bo'], { env })).stdout).toBe(
      'HD-1 call added (15 min)\n',
    );
    expect((await runCli(['ticket', 'escalate', 'HD-1', '--to', 'L2', '--reason', 'needs firewall logs'], { env })).code).toBe(0);
    expect((await runCli(['ticket', 'resolve', 'HD-1', '--resolution', 'MTU fixed'], { env })).stdout).toBe('HD-1 resolved\n');
    const show = await runCli(['ticket', 'show', 'HD-1', '--json'], { env });
    const doc = JSON.parse(show.stdout);
    expect(doc.ticket).toMatchObject({ status: 'resolved', tier: 'L2', resolution: 'MTU fixed', assignee: { name: 'tester' } });
    expect(doc.ticket.first_response_at).not.toBeNull();
    expect(doc.timeline.map((e: { kind: string }) => e.kind)).toEqual(['call', 'system', 'system']);
    expect((await runCli(['ticket', 'reopen', 'HD-1'], { env })).stdout).toBe('HD-1 reopened\n');
    const history = await runCli(['ticket', 'history', 'HD-1'], { env });
    expect(history.stdout).toMatch(/assign {2}assignee: — → tester/);
    expect(history.stdout).toMatch(/status: new → open/);
    expect(history.stdout).toMatch(/reopen {2}status: resolved → open/);
  });

  it('refuses a stale --if-version with exit 3 saying who changed what', async () => {
    const env = await tempDeskEnv();
    await runCli(['ticket', 'create', '-t', 'Laptop slow'], { env });
    await runCli(['ticket', 'update', 'HD-1', '--priority', 'high'], { env });
    const stale = await runCli(['ticket', 'update', 'HD-1', '--priority', 'low', '--if-version', '1'], { env });
    expect(stale.code).toBe(3);
    expect(stale.stderr).toBe('deskline: HD-1 was changed since version 1 (now version 2): tester changed priority normal → high\n');
    expect(await rows(env, 'SELECT priority FROM tickets')).toEqual([{ priority: 'high' }]);
    await runCli(['ticket', 'comment', 'HD-1', '--call', '--minutes', '15', 'Called Ana'], { env });
    const afterCall = await runCli(['ticket', 'update', 'HD-1', '--priority', 'low', '--if-version', '2'], { env });
    expect(afterCall.stderr).toBe('deskline: HD-1 was changed since version 2 (now version 3): tester logged a call (15 min)\n');
  });

  it('history leaves out the empty minutes of system notes', async () => {
    const env = await tempDeskEnv();
    await runCli(['ticket', 'create', '-t', 'VPN drops'], { env });
    await runCli(['ticket', 'escalate', 'HD-1', '--to', 'L2', '--reason', 'needs logs'], { env });
    await runCli(['ticket', 'comment', 'HD-1', 'Restarted it'], { env });
    const history = (await runCli(['ticket', 'history', 'HD-1'], { env })).stdout;
    expect(history).not.toContain('minutes');
    expect(history.split('\n').map((l) => l.slice(18))).toEqual([
      'tester  create',
      'tester  escalate  tier: L1 → L2',
      // The first public reply opens a new ticket: an event of its own, naming the rule (issue 18).
      'system  rule:first-public-reply-opens  status: new → open',
      'tester  reply',
      '',
    ]);
    const json = JSON.parse((await runCli(['ticket', 'history', 'HD-1', '--json'], { env })).stdout);
    expect(json.events.filter((e: { field: string }) => e.field === 'minutes')).toHaveLength(2);
  });

  it('rejects a status change the transitions do not allow', async () => {
    const env = await tempDeskEnv();
    await runCli(['ticket', 'create', '-t', 'Old', '--status', 'closed'], { env });
    const r = await runCli(['ticket', 'update', 'HD-1', '--status', 'pending'], { env });
    expect(r.code).toBe(4);
    expect(r.stderr).toBe('deskline: HD-1 cannot go from closed to pending (allowed: open)\n');
  });

  it('applies the rules of ticket resolve at creation: a resolved ticket needs a resolution', async () => {
    const env = await tempDeskEnv();
    const bare = await runCli(['ticket', 'create', '-t', 'Done already', '--status', 'resolved'], { env });
    expect(bare).toMatchObject({ code: 4, stdout: '', stderr: 'deskline: --resolution: is required to mark a ticket resolved\n' });
    const json = await runCli(['ticket', 'create', '--from-json', '-'], {
      env,
      stdin: '{"title":"A"}\n{"title":"B","status":"resolved"}\n',
    });
    expect(json).toMatchObject({ code: 4, stderr: 'deskline: stdin line 2: resolution: is required to mark a ticket resolved\n' });
    expect(await rows(env, 'SELECT count(*) AS n FROM tickets')).toEqual([{ n: 0 }]);
    const ok = await runCli(['ticket', 'create', '-t', 'Done already', '--status', 'resolved', '--resolution', 'Reset the PIN'], { env });
    expect(ok.code).toBe(0);
    expect(
      await rows(env, 'SELECT status, resolution, CASE WHEN resolved_at = created_at THEN 1 ELSE 0 END AS stamped, closed_at FROM tickets'),
    ).toEqual([{ status: 'resolved', resolution: 'Reset the PIN', stamped: 1, closed_at: null }]);
  });

  it('resolving by update needs a resolution too', async () => {
    const env = await tempDeskEnv();
    await runCli(['ticket', 'create', '-t', 'Toner', '-r', 'bo@example.com'], { env });
    const bare = await runCli(['ticket', 'update', 'HD-1', '--status', 'resolved'], { env });
    expect(bare).toMatchObject({ code: 4, stderr: 'deskline: HD-1: resolution: is required to mark a ticket resolved\n' });
    expect(await rows(env, 'SELECT status, version FROM tickets')).toEqual([{ status: 'new', version: 1 }]);
    expect((await runCli(['ticket', 'update', 'HD-1', '--status', 'resolved', '--resolution', 'New toner'], { env })).code).toBe(0);
    expect(
      await rows(env, 'SELECT status, resolution, CASE WHEN resolved_at IS NOT NULL THEN 1 ELSE 0 END AS stamped FROM tickets'),
    ).toEqual([{ status: 'resolved', resolution: 'New toner', stamped: 1 }]);
  });

  it('unknown refs exit 2 and bad refs exit 4', async () => {
    const env = await tempDeskEnv();
    expect(await runCli(['ticket', 'show', 'HD-42'], { env })).toMatchObject({ code: 2, stderr: 'deskline: no ticket HD-42\n' });
    expect(await runCli(['ticket', 'show', 'banana'], { env })).toMatchObject({ code: 4 });
  });
});

describe('ticket list: free text', () => {
  it('finds words in the timeline too, forgives a typo and says which word it used', async () => {
    const env = await tempDeskEnv();
    await runCli(['ticket', 'create', '-t', 'Printer offline', '-q'], { env });
    await runCli(['ticket', 'create', '-t', 'Screen flickers', '-q'], { env });
    await runCli(['ticket', 'comment', 'HD-2', 'Swapped the DisplayPort cable'], { env });
    expect((await runCli(['ticket', 'list', 'displayport', '-q'], { env })).stdout).toBe('HD-2\n');
    const typo = await runCli(['ticket', 'list', 'prnter', '-q'], { env });
    expect(typo.stdout).toBe('HD-1\n');
    expect(typo.stderr).toContain("'prnter' matched nothing: showing 'printer'");
    const json = JSON.parse((await runCli(['ticket', 'list', 'prnter', '--json'], { env })).stdout);
    expect(json.corrected).toEqual([{ from: 'prnter', to: 'printer' }]);
    expect(json.tickets.map((t: { ref: string }) => t.ref)).toEqual(['HD-1']);
  });
});
