/** `deskline sync init|status|conflicts` and `deskline sync` as a technician runs them (in-process CLI, real server). */
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
      expect(conflicts.stdout).toMatch(/^HD-1 {2}priority: kept low, not high {2}\(/);
      expect((await runCli(['sync'], { env })).stdout).toMatch(/^pushed 0, pulled 0, 0 new conflicts/);
    } finally {
      await server.close();
    }
  });
});
