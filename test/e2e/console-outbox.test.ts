/**
 * The built console sends the outbox from its bundled worker (dist/outbox-worker.mjs) in tmux: the
 * status bar counts the waiting reply, the loopback server receives it, the count goes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, runBin } from '../helpers/cli.js';
import { pointAtSmtp, startSmtp } from '../helpers/smtp.js';
import { tempEnv } from '../helpers/temp.js';
import { tmuxSession, type TmuxSession } from '../helpers/tmux.js';

const sessions: TmuxSession[] = [];
afterEach(async () => {
  while (sessions.length) await sessions.pop()!.kill();
});

describe('console outbox in tmux (built binary)', () => {
  it('sends a queued reply in the background and the status bar count goes', { timeout: 60_000 }, async () => {
    const smtp = await startSmtp();
    const env = tempEnv();
    await runBin(['requester', 'add', 'Ana Silva', '-e', 'ana@example.com'], { env });
    await runBin(['ticket', 'create', '-t', 'Scanner jams', '-r', 'ana@example.com'], { env });
    expect((await runBin(['ticket', 'comment', 'HD-1', '--reply', 'Cleaned the rollers'], { env })).code).toBe(0);
    // Counted first without delivery settings…
    const plain = await tmuxSession({ cols: 100, rows: 24, env, command: [process.execPath, BIN] });
    sessions.push(plain);
    await plain.waitFor('outbox 1 waiting (no delivery)', 10_000);
    await plain.sendKeys('q');
    await plain.exited();

    // …then sent by the worker once they are there.
    pointAtSmtp(env, smtp.port);
    const s = await tmuxSession({ cols: 100, rows: 24, env, command: [process.execPath, BIN] });
    sessions.push(s);
    // The settings name another technician: the ticket shows under All open.
    await s.waitFor('All open', 10_000);
    await s.sendKeys('4');
    await s.waitFor('Scanner jams', 10_000);
    await smtp.arrived(1);
    await s.waitFor((x) => x.includes('Scanner jams') && !x.includes('outbox'), 10_000);
    expect(smtp.received[0]!.mail.subject).toBe('[HD-1] Scanner jams');
    await s.sendKeys('q');
    await s.exited();
    expect(JSON.parse((await runBin(['outbox', 'list', '--json'], { env })).stdout).messages[0].status).toBe('sent');
  });
});
