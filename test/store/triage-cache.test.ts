/**
 * The triage model cached per handle (src/store/triage-cache.ts) never serves a stale model: a
 * resolve on this handle or a `triage train` on another connection is seen by the next suggestion.
 * And `triage train` takes the similar tickets' word counts again (019's ticket_word_docs).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateTicketInput } from '../../src/domain/ticket-input.js';
import { SYSTEM_ACTOR } from '../../src/store/executor.js';
import { resolve } from '../../src/store/ticket-workflows.js';
import { createTicket, createTickets } from '../../src/store/tickets.js';
import { cachedModel, forgetCachedModel } from '../../src/store/triage-cache.js';
import { suggestTriage } from '../../src/store/triage-suggest.js';
import { trainModel } from '../../src/store/triage-train.js';
import { wordDocs } from '../../src/store/ticket-word-docs.js';
import { runCli } from '../helpers/cli.js';
import { rawDesk, tempDir, tempEnv, testDesk } from '../helpers/temp.js';

const kind = (title: string, category: string, n: number, status = 'resolved') =>
  validateTicketInput({
    title: `${title} ${n}`,
    description: 'it happened again',
    category,
    status,
    ...(status === 'resolved' ? { resolution: 'ok' } : {}),
  });

const category = async (db: Parameters<typeof suggestTriage>[0], title: string) =>
  (await suggestTriage(db, { title, description: '' }))[0]!;

describe('triage model cache', () => {
  it('follows every learn on its own handle and a train on another connection', async () => {
    const file = join(tempDir(), 'desk.db');
    const desk = await testDesk(file);
    await createTickets(
      desk.db,
      Array.from({ length: 30 }, (_, n) => kind('Printer jams', 'printer', n)),
      SYSTEM_ACTOR,
    );
    await createTickets(
      desk.db,
      Array.from({ length: 30 }, (_, n) => kind('Account locked', 'account', n)),
      SYSTEM_ACTOR,
    );
    await trainModel(desk.db);
    expect((await category(desk.db, 'Printer jams')).suggestion?.value).toBe('printer');
    // The word is cached as unknown now.
    expect((await category(desk.db, 'Monitor flickers')).reason).toBe('no words known');
    expect((await cachedModel(desk.db, [])).features.get('t:monitor')).toHaveLength(0);
    // Resolves on this handle teach it: the next suggestion knows the word.
    for (let n = 0; n < 6; n++) {
      const { ticket } = await createTicket(desk.db, kind('Monitor flickers', 'hardware', n, 'open'), SYSTEM_ACTOR);
      await resolve(desk.db, ticket.id, 'new cable', SYSTEM_ACTOR);
    }
    expect((await category(desk.db, 'Monitor flickers')).reason).not.toBe('no words known');
    // Another connection relabels and trains: this handle's cache is not served.
    const other = await testDesk(file);
    other.sqlite.prepare("UPDATE tickets SET category = 'network' WHERE title LIKE 'Printer jams%'").run();
    await trainModel(other.db);
    expect((await category(desk.db, 'Printer jams')).suggestion?.value).toBe('network');
    // Cold and warm give the same answer.
    const warm = await suggestTriage(desk.db, { title: 'Account locked', description: 'again' });
    forgetCachedModel(desk.db);
    expect(await suggestTriage(desk.db, { title: 'Account locked', description: 'again' })).toEqual(warm);
  });

  it('train takes the word counts again; a word the snapshot lacks is counted from the index', async () => {
    const desk = await testDesk(join(tempDir(), 'desk.db'));
    await createTickets(
      desk.db,
      Array.from({ length: 5 }, (_, n) => kind('Toner empty', 'printer', n)),
      SYSTEM_ACTOR,
    );
    const snapshot = () => desk.sqlite.prepare("SELECT docs FROM ticket_word_docs WHERE term = 'toner'").get();
    expect(snapshot()).toBeUndefined();
    expect(await wordDocs(desk.db, ['toner', 'absent'])).toEqual(new Map([['toner', 5]]));
    await trainModel(desk.db);
    expect(snapshot()).toEqual({ docs: 5 });
    await createTickets(desk.db, [kind('Toner smeared', 'printer', 9)], SYSTEM_ACTOR);
    // The snapshot's count stands until the next train (a weight drifts slowly).
    expect((await wordDocs(desk.db, ['toner', 'smeared'])).get('toner')).toBe(5);
    expect((await wordDocs(desk.db, ['smeared'])).get('smeared')).toBe(1);
  });
});

describe('word counts and redaction', () => {
  it('requester forget leaves no forgotten word in the similar tickets’ word counts', async () => {
    const env = tempEnv();
    const run = (...args: string[]) => runCli(args, { env });
    await run('requester', 'add', 'Ana Zorblax', '-e', 'ana.zorblax@example.com');
    await run('ticket', 'create', '-t', 'VPN for Ana Zorblax', '-d', 'Ana Zorblax cannot connect', '-r', 'ana.zorblax@example.com');
    expect((await run('triage', 'train')).code).toBe(0);
    const held = () =>
      rawDesk(env, (raw) => raw.prepare("SELECT term FROM ticket_word_docs WHERE term IN ('zorblax', 'vpn')").pluck().all());
    expect(held()).toEqual(['vpn', 'zorblax']);
    expect((await run('requester', 'forget', 'ana.zorblax@example.com', '--reason', 'erasure request')).code).toBe(0);
    expect(held()).toEqual(['vpn']);
  });
});
