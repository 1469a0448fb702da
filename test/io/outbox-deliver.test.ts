/**
 * The sender's promises, against a real SMTP server on loopback: backoff between tries, a crash
 * between sending and marking resends the same Message-ID, and two senders at once send each
 * message once.
 */
import { describe, expect, it } from 'vitest';
import { LEASE_MS, MAX_ATTEMPTS, retryDelay } from '../../src/domain/outbox-schedule.js';
import { smtpSettings, type SmtpConfig } from '../../src/io/mail-settings.js';
import { deliverOutbox } from '../../src/io/outbox-deliver.js';
import { openTransport } from '../../src/io/smtp-transport.js';
import { readSettings } from '../../src/settings.js';
import { addInteraction } from '../../src/store/interactions.js';
import { claimBatch } from '../../src/store/outbox-claim.js';
import { ensureTechnician } from '../../src/store/technicians.js';
import { runBin, runCli } from '../helpers/cli.js';
import { closedPort, startSmtp, pointAtSmtp } from '../helpers/smtp.js';
import { tempEnv, testDesk } from '../helpers/temp.js';

async function deskWithReplies(replies: number, port: number) {
  const env = tempEnv();
  pointAtSmtp(env, port);
  await runCli(['requester', 'add', 'Ana Silva', '-e', 'ana@example.com'], { env });
  await runCli(['ticket', 'create', '-t', 'Laptop fan loud', '-r', 'ana@example.com'], { env });
  const desk = await testDesk(env.DESKLINE_DB!);
  const sam = await ensureTechnician(desk.db, { name: 'Sam Okafor', email: 'sam@example.com', tier: 'L1' });
  for (let i = 1; i <= replies; i++) await addInteraction(desk.db, 1, { kind: 'reply', body: `Reply ${i}` }, sam);
  const smtp = smtpSettings(readSettings(env));
  if (!smtp.configured) throw new Error('not configured');
  return { env, desk, config: smtp.config };
}

const status = (desk: Awaited<ReturnType<typeof testDesk>>) =>
  desk.sqlite.prepare('SELECT status, attempts, next_attempt_at FROM outbox ORDER BY id').all() as {
    status: string;
    attempts: number;
    next_attempt_at: number;
  }[];

describe('deliverOutbox', () => {
  it('waits longer after each failed try and gives up after the last', async () => {
    const { env, desk, config } = await deskWithReplies(1, await closedPort());
    const t0 = status(desk)[0]!.next_attempt_at;
    const waits: number[] = [];
    let now = t0;
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      const report = await deliverOutbox(desk.db, config, env, { clock: () => now });
      expect(report.failures).toHaveLength(1);
      const [row] = status(desk);
      expect(row!.attempts).toBe(i);
      if (row!.status === 'failed') break;
      waits.push(row!.next_attempt_at - now);
      // A moment early: nothing is tried.
      expect(await deliverOutbox(desk.db, config, env, { clock: () => row!.next_attempt_at - 1 })).toEqual({
        sent: 0,
        failures: [],
        stopped: false,
      });
      now = row!.next_attempt_at;
    }
    expect(waits).toEqual(Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => retryDelay(i + 1)));
    expect(waits.slice(0, 4)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(status(desk)[0]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
  });

  it('resends with the same Message-ID after a crash between sending and marking, once the claim runs out', async () => {
    const smtp = await startSmtp();
    const { env, desk, config } = await deskWithReplies(1, smtp.port);
    const now = Date.now();
    // The sender that crashed: claimed, sent, never marked.
    const [claimed] = await claimBatch(desk.db, now);
    const crashed = await openTransport(config as SmtpConfig, null);
    await crashed.send(claimed!);
    crashed.close();
    await smtp.arrived(1);

    expect(await deliverOutbox(desk.db, config, env, { clock: () => now + LEASE_MS - 1 })).toMatchObject({ sent: 0 });
    expect(await deliverOutbox(desk.db, config, env, { clock: () => now + LEASE_MS })).toMatchObject({ sent: 1 });
    await smtp.arrived(2);
    expect(smtp.received.map((r) => r.mail.messageId)).toEqual([claimed!.message_id, claimed!.message_id]);
    expect(smtp.received[0]!.raw).toBe(smtp.received[1]!.raw);
    expect(status(desk)[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await deliverOutbox(desk.db, config, env, { clock: () => now + 10 * LEASE_MS })).toMatchObject({ sent: 0 });
  });

  it('two senders at once (two processes: cron and the console) send each message once', async () => {
    const smtp = await startSmtp();
    const { env, desk } = await deskWithReplies(120, smtp.port);
    const runs = await Promise.all([runBin(['outbox', 'send'], { env }), runBin(['outbox', 'send'], { env })]);
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    const sent = runs.map((r) => Number(/^(\d+) sent\n$/.exec(r.stdout)![1]));
    expect(sent[0]! + sent[1]!).toBe(120);
    await smtp.arrived(120);
    const ids = smtp.received.map((r) => r.mail.messageId);
    expect(ids).toHaveLength(120);
    expect(new Set(ids).size).toBe(120);
    expect(status(desk).every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });
});
