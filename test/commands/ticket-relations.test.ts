/** Related tickets through the CLI (issue 18): links from both sides, merge moving everything once, major incidents. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { dbRows, rawDesk, tempEnv } from '../helpers/temp.js';

async function desk(titles: string[]) {
  const env = tempEnv();
  const run = async (...args: string[]) => {
    const r = await runCli(args, { env });
    if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  for (const [i, t] of titles.entries())
    await run('ticket', 'create', '-t', t, '-r', `Person ${i + 1} <p${i + 1}@example.com>`, '--tag', `t${i + 1}`);
  return { env, run };
}

const count = async (env: Record<string, string>, sql: string) => Number(((await dbRows(env, sql))[0] as { n: number }).n);

describe('ticket links', () => {
  it('reads a link from both sides in ticket show, and unlink removes it with an audit event on each', async () => {
    const { env, run } = await desk(['VPN down', 'VPN down too', 'Firewall change']);
    expect(await run('ticket', 'link', 'HD-2', 'HD-1', '--as', 'duplicate')).toBe('HD-2 duplicate of HD-1\n');
    await run('ticket', 'link', 'HD-3', 'HD-1', '--as', 'blocks');
    const one = await run('ticket', 'show', 'HD-1');
    expect(one).toMatch(/Related \(2\)\n {2}duplicated by HD-2 {2}new {6}VPN down too\n {2}blocked by {4}HD-3 {2}new {6}Firewall change\n/);
    expect(JSON.parse(await run('ticket', 'show', 'HD-2', '--json')).related).toEqual([
      { ref: 'HD-1', label: 'duplicate of', title: 'VPN down', status: 'new' },
    ]);
    await run('ticket', 'unlink', 'HD-1', 'HD-2');
    expect(await run('ticket', 'show', 'HD-2')).not.toContain('Related');
    expect(await run('ticket', 'history', 'HD-2')).toMatch(/unlink {2}link: duplicate of HD-1 → —/);
    const again = await runCli(['ticket', 'unlink', 'HD-1', 'HD-2'], { env });
    expect(again).toMatchObject({ code: 2, stderr: 'deskline: HD-1 and HD-2 are not linked\n' });
    expect((await runCli(['ticket', 'link', 'HD-1', 'HD-1'], { env })).code).toBe(4);
    expect((await runCli(['ticket', 'link', 'HD-1', 'HD-2', '--as', 'cousin'], { env })).stderr).toMatch(
      /^deskline: --as: unknown link 'cousin'/,
    );
  });
});

describe('ticket merge', () => {
  it('moves timeline entries and attachments once, joins tags, adds the requester as a follower and closes the duplicate', async () => {
    const { env, run } = await desk(['Printer jams', 'Printer jams again']);
    await run('ticket', 'comment', 'HD-1', 'Checked the tray');
    await run('ticket', 'comment', 'HD-2', '--note', 'Same printer, 3rd floor');
    await run('ticket', 'comment', 'HD-2', '--call', '--minutes', '10', 'Called Person 2');
    rawDesk(env, (db) =>
      db
        .prepare("INSERT INTO attachments (ticket_id, name, size, sha256, added_by, created_at) VALUES (2, 'jam.jpg', 3, ?, 'tester', 0)")
        .run('a'.repeat(64)),
    );
    const entries = await count(env, 'SELECT count(*) AS n FROM interactions');
    const minutes = await count(env, 'SELECT sum(minutes) AS n FROM interactions');
    const events2 = await count(env, 'SELECT count(*) AS n FROM audit_events WHERE ticket_id = 2');

    expect(await run('ticket', 'merge', 'HD-2', '--into', 'HD-1')).toBe(
      'HD-2 merged into HD-1: 2 timeline entries moved, Person 2 follows\n',
    );
    // Each entry exists once (two system notes added: one on each ticket), the minutes with them.
    expect(await count(env, 'SELECT count(*) AS n FROM interactions')).toBe(entries + 2);
    expect(await count(env, 'SELECT sum(minutes) AS n FROM interactions')).toBe(minutes);
    expect(await count(env, "SELECT count(*) AS n FROM interactions WHERE ticket_id = 1 AND kind <> 'system'")).toBe(entries);
    expect(await dbRows(env, 'SELECT ticket_id, name FROM attachments')).toEqual([{ ticket_id: 1, name: 'jam.jpg' }]);
    const target = JSON.parse(await run('ticket', 'show', 'HD-1', '--json'));
    expect(target.ticket.tags).toEqual(['t1', 't2']);
    expect(target.followers).toEqual([{ id: 2, name: 'Person 2', email: 'p2@example.com' }]);
    expect(target.timeline.at(-1).body).toBe(
      'Merged HD-2 “Printer jams again” into this ticket: 2 timeline entries, 1 attachment, tags t2, Person 2 as a follower',
    );
    const source = JSON.parse(await run('ticket', 'show', 'HD-2', '--json'));
    expect(source.ticket.status).toBe('closed');
    expect(source.related).toEqual([{ ref: 'HD-1', label: 'duplicate of', title: 'Printer jams', status: 'open' }]);
    expect(source.timeline.map((e: { body: string }) => e.body)).toEqual([
      'Merged into HD-1: 2 timeline entries, 1 attachment, tags t2, Person 2 as a follower moved there',
    ]);
    // History is kept where it was, and grows by what the merge did.
    expect(await count(env, 'SELECT count(*) AS n FROM audit_events WHERE ticket_id = 2')).toBeGreaterThan(events2);
    expect(await run('ticket', 'history', 'HD-2')).toMatch(/merge {2}status: open → closed/);
    // Merging again is refused and moves nothing more.
    const again = await runCli(['ticket', 'merge', 'HD-2', '--into', 'HD-1'], { env });
    expect(again).toMatchObject({ code: 3, stderr: 'deskline: HD-2 is already merged into HD-1\n' });
    expect(await count(env, "SELECT count(*) AS n FROM interactions WHERE ticket_id = 1 AND kind <> 'system'")).toBe(entries);
    expect((await runCli(['ticket', 'merge', 'HD-1', '--into', 'HD-1'], { env })).code).toBe(4);
    expect((await runCli(['ticket', 'merge', 'HD-9', '--into', 'HD-1'], { env })).code).toBe(2);
  });
});

describe('major incidents', () => {
  it('a parent resolves every open child with the same resolution and one public reply each', async () => {
    const { env, run } = await desk(['VPN outage', 'VPN for Ana', 'VPN for Ben', 'VPN for Cy']);
    await run('ticket', 'resolve', 'HD-4', '--resolution', 'Was a typo');
    expect(await run('ticket', 'parent', 'HD-1', '--children', 'HD-2,HD-3', '--children', 'HD-4')).toBe(
      'HD-1 is the parent of HD-2, HD-3, HD-4\n',
    );
    expect(await run('ticket', 'list', 'parent:HD-1', 'status:active', '-q')).toBe('HD-2\nHD-3\n');
    const list = JSON.parse(await run('ticket', 'list', 'id:1', '--columns', 'ref,children', '--json'));
    expect(list.tickets).toEqual([{ ref: 'HD-1', children: 3 }]);
    expect((await runCli(['ticket', 'parent', 'HD-2', '--children', 'HD-3'], { env })).stderr).toMatch(/HD-2 is a child of HD-1/);

    await run('ticket', 'resolve', 'HD-1', '--resolution', 'Restarted the concentrator');
    const rows = (await dbRows(env, 'SELECT id, status, resolution FROM tickets ORDER BY id')) as {
      id: number;
      status: string;
      resolution: string;
    }[];
    expect(rows.map((r) => [r.id, r.status, r.resolution])).toEqual([
      [1, 'resolved', 'Restarted the concentrator'],
      [2, 'resolved', 'Restarted the concentrator'],
      [3, 'resolved', 'Restarted the concentrator'],
      [4, 'resolved', 'Was a typo'],
    ]);
    const replies = (await dbRows(env, "SELECT ticket_id, body FROM interactions WHERE kind = 'reply' ORDER BY ticket_id")) as unknown[];
    expect(replies).toEqual([
      { ticket_id: 2, body: 'This was part of HD-1, now resolved: Restarted the concentrator' },
      { ticket_id: 3, body: 'This was part of HD-1, now resolved: Restarted the concentrator' },
    ]);
  });
});
