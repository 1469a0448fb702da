/**
 * A sync killed mid-push (the real binary, SIGKILL once the server has taken some of its operations)
 * and run again: every operation reaches the server exactly once, and the replica ends equal to it.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { validateTicketInput } from '../../src/domain/ticket-input.js';
import { openDesk } from '../../src/store/desk.js';
import { addInteraction } from '../../src/store/interactions.js';
import { ensureTechnician } from '../../src/store/technicians.js';
import { createTickets } from '../../src/store/tickets.js';
import { BIN, runBin, runCli } from '../helpers/cli.js';
import { tempPgDatabase } from '../helpers/pg.js';
import { snapshot } from '../helpers/sync-desks.js';
import { tempEnv } from '../helpers/temp.js';

const ME = { name: 'Tess Tester', email: 'tester@example.com', tier: 'L1' };

describe('a sync killed mid-push', () => {
  it('loses and doubles nothing when run again', async () => {
    const url = await tempPgDatabase();
    const server = await openDesk(url);
    try {
      const boss = await ensureTechnician(server.db, ME);
      await createTickets(server.db, [validateTicketInput({ title: 'Shared printer offline' })], boss);
      const env = tempEnv({ DESKLINE_USER: ME.name, DESKLINE_EMAIL: ME.email });
      expect((await runCli(['sync', 'init', url], { env })).code).toBe(0);

      // Offline work: 600 tickets in one batch and 200 notes: 800 operations, two pushes of 500.
      const laptop = await openDesk(env.DESKLINE_DB!);
      const me = await ensureTechnician(laptop.db, ME);
      await createTickets(
        laptop.db,
        Array.from({ length: 600 }, (_, i) => validateTicketInput({ title: `offline ${i}` })),
        me,
      );
      for (let i = 0; i < 200; i++) await addInteraction(laptop.db, 1, { kind: 'note', body: `note ${i}` }, me);
      const made = (await laptop.db.selectFrom('sync_outbox').select('op_id').execute()).map((o) => o.op_id).sort();
      await laptop.close();
      expect(made).toHaveLength(800);

      const taken = async () =>
        Number(
          (
            await server.db
              .selectFrom('sync_ops')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      let kills = 0;
      for (let round = 1; round <= 2; round++) {
        const before = await taken();
        const child = spawn(process.execPath, [BIN, 'sync'], { env, stdio: 'ignore' });
        const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
        let done = false;
        void exited.then(() => (done = true));
        // Kill it as soon as the server has taken a batch more (or let it finish if it is that quick).
        while (!done && (await taken()) === before);
        if (!done && child.kill('SIGKILL')) kills++;
        await exited;
      }
      expect(kills).toBeGreaterThan(0);
      const last = await runBin(['sync'], { env });
      // Nothing but progress lines (a sync over a second prints them, as a loaded machine makes it).
      expect(last.stderr.split('\n').filter((line) => line && !line.startsWith('sync: '))).toEqual([]);
      expect(last.code).toBe(0);

      const logged = await server.db.selectFrom('sync_ops').select('op_id').where('op_id', 'in', made).execute();
      expect(logged.map((o) => o.op_id).sort()).toEqual(made); // each once: op_id is unique on the server
      const notes = await server.db.selectFrom('interactions').select('body').where('ticket_id', '=', 1).execute();
      expect(notes).toHaveLength(200);
      expect(new Set(notes.map((n) => n.body)).size).toBe(200);
      const replica = await openDesk(env.DESKLINE_DB!);
      try {
        expect(await replica.db.selectFrom('sync_outbox').selectAll().execute()).toEqual([]);
        expect(await snapshot(replica.db)).toEqual(await snapshot(server.db));
        expect((await snapshot(server.db)).tickets).toHaveLength(601);
      } finally {
        await replica.close();
      }
    } finally {
      await server.close();
    }
  }, 120_000);
});
