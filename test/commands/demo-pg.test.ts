/**
 * `deskline demo seed`, `maintain` and `export csv` on a PostgreSQL desk: the bulk write of store/bulk-pg.ts
 * (multi-row inserts, a transaction per chunk), the demo's groups and assets, an intact audit chain, the
 * identity moved past the seeded ids, search data filled, and a second seed refused as on SQLite.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { deskRows, pgDeskEnv } from '../helpers/desk-env.js';

describe('deskline demo seed on PostgreSQL', () => {
  it('seeds a whole desk, refuses a second seed, appends, and the desk checks clean', async () => {
    const env = await pgDeskEnv();
    const first = await runCli(['demo', 'seed', '--tickets', '300'], { env });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^seeded 300 tickets, \d+ requesters, 21 technicians, 34 KB articles in/);
    const again = await runCli(['demo', 'seed'], { env });
    expect(again).toMatchObject({ code: 3, stderr: 'deskline: the desk already has 300 tickets: use --append to add demo data anyway\n' });
    const more = await runCli(['demo', 'seed', '--append', '--tickets', '50', '--seed', '5'], { env });
    expect(more.code).toBe(0);

    const count = async (q: string) => Number(((await deskRows(env, q)) as { n: unknown }[])[0]!.n);
    expect(await count('SELECT count(*) AS n FROM tickets')).toBe(350);
    expect(await count('SELECT count(*) AS n FROM ticket_search')).toBe(350);
    expect(await count("SELECT count(*) AS n FROM audit_events WHERE action = 'create'")).toBe(350);
    expect(await count('SELECT count(*) AS n FROM groups')).toBe(3);
    expect(await count("SELECT count(*) AS n FROM assets WHERE tag LIKE 'LT-0%'")).toBeGreaterThan(0);

    expect(await runCli(['db', 'check'], { env })).toMatchObject({ code: 0 });
    expect((await runCli(['ticket', 'create', '-t', 'After the seed'], { env })).stdout).toContain('HD-351');
    const found = await runCli(['ticket', 'list', 'printer', '-n', '500', '--json'], { env });
    expect((JSON.parse(found.stdout) as { count: number }).count).toBeGreaterThan(0);
    expect((await runCli(['maintain'], { env })).code).toBe(0);
    const csv = await runCli(['export', 'csv', '--columns', 'ref,tags'], { env });
    expect(csv.code).toBe(0);
    expect(csv.stdout.trimEnd().split('\n')).toHaveLength(352);
  }, 180_000);
});
