/** `deskline sync init|status|conflicts|resolve` and `deskline sync` as a technician runs them (in-process CLI, real server). */
import { describe, expect, it } from 'vitest';
import { validateTicketInput } from '../../src/domain/ticket-input.js';
import { openDesk } from '../../src/store/desk.js';
import { ensureTechnician } from '../../src/store/technicians.js';
import { updateTicket } from '../../src/store/ticket-changes.js';
import { createTicket } from '../../src/store/tickets.js';
import { runCli } from '../helpers/cli.js';
import { tempPgDatabase } from '../helpers/pg.js';
import { tempEnv } from '../helpers/temp.js';

const ME = { name: 'Tess Tester', email: 'tester@example.com', tier: 'L1' };

describe('deskline sync', () => {
  it('makes a replica, works offline with a provisional ref, syncs, and reports status and conflicts', async () => {
    const url = await tempPgDatabase();
    const server = await openDesk(url);
    try {
      const boss = await ensureTechnician(server.db, ME);
      await createTicket(server.db, validateTicketInput({ title: 'Shared printer offline' }), boss);
      const env = tempEnv({ DESKLINE_USER: 'Tess Tester', DESKLINE_EMAIL: 'tester@example.com' });

      expect(await runCli(['sync', 'status'], { env })).toMatchObject({ code: 1, stderr: expect.stringMatching(/not a replica/) });
      expect((await runCli(['sync', 'init', 'mysql://x'], { env })).code).toBe(4);
      const off = await runCli(['sync', 'init', 'postgres://nobody:secret@127.0.0.1:1/desk'], { env });
      expect(off.code).toBe(6);
      expect(off.stderr).toMatch(/^deskline: sync: offline: .*127\.0\.0\.1:1/);
      expect(off.stderr).not.toContain('secret');

      const init = await runCli(['sync', 'init', url], { env });
      expect(init.stderr).toBe('');
      expect(init.stdout).toMatch(/^replica of .* as device [0-9a-f]{4}: 1 tickets, 0 entries\n$/);
      const device = /device ([0-9a-f]{4})/.exec(init.stdout)![1]!;
      expect((await runCli(['sync', 'init', url], { env })).code).toBe(3);

      const made = await runCli(['ticket', 'create', '-t', 'Dock dead', '-q'], { env });
      expect(made.stdout.trim()).toBe(`HD-~${device}-1`);
      await runCli(['ticket', 'update', 'HD-1', '--priority', 'high'], { env });
      await updateTicket(server.db, 1, { priority: 'low' }, boss); // meanwhile, on the server: later, so it wins
      expect((await runCli(['sync', 'status'], { env })).stdout).toMatch(/^never synced · 2 waiting · online — /);

      const sync = await runCli(['sync'], { env });
      expect(sync).toMatchObject({ code: 0, stdout: expect.stringMatching(/^pushed 2, pulled 4, 1 new conflicts — synced with /) });
      expect((await runCli(['ticket', 'show', 'HD-2', '--json'], { env })).stdout).toContain('"title": "Dock dead"');
      expect((await runCli(['sync', 'status'], { env })).stdout).toMatch(/^synced just now · 0 waiting · 1 open conflicts · online/);
      const conflicts = await runCli(['sync', 'conflicts'], { env });
      expect(conflicts.stdout).toMatch(/^#1 {2}HD-1 {2}priority: kept low, not high {2}\(/);

      // Settled on the laptop by taking the lost value: a field change and the settling both sync.
      expect(await runCli(['sync', 'resolve', '#1', '--take', 'sideways'], { env })).toMatchObject({
        code: 4,
        stderr: expect.stringMatching(/--take/),
      });
      expect(await runCli(['sync', 'resolve', '9'], { env })).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(/no sync conflict 9/),
      });
      const took = await runCli(['sync', 'resolve', '#1', '--take', 'lost'], { env });
      expect(took).toMatchObject({ code: 0, stdout: '#1 resolved: HD-1 priority is high (the lost value taken)\n' });
      expect((await runCli(['sync', 'resolve', '1'], { env })).code).toBe(3);
      expect((await runCli(['sync', 'conflicts'], { env })).stdout).toBe('no open conflicts\n');
      expect((await runCli(['sync'], { env })).stdout).toMatch(/^pushed 2, pulled 2, 0 new conflicts/);
      const onServer = await server.db.selectFrom('sync_conflicts').select('resolved_at').execute();
      expect(onServer.map((c) => c.resolved_at !== null)).toEqual([true]);
      expect((await server.db.selectFrom('tickets').select('priority').where('id', '=', 1).executeTakeFirstOrThrow()).priority).toBe(
        'high',
      );
      expect((await runCli(['sync'], { env })).stdout).toMatch(/^pushed 0, pulled 0, 0 new conflicts/);
    } finally {
      await server.close();
    }
  });
});
