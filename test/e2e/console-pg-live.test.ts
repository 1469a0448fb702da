/**
 * The built binary's console on a PostgreSQL desk, in tmux at 80×24: another technician's ticket
 * (a CLI process) appears with no key pressed; when the server ends every connection to the desk the
 * status bar says so (in the raw output: it may last less than a screen poll), the console reconnects by itself and a later ticket appears; `q` leaves with 0.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { LINK_BACK, LINK_LOST } from '../../src/tui/state/link.js';
import { BIN, runBin } from '../helpers/cli.js';
import { tempPgDatabase } from '../helpers/pg.js';
import { tempDir, tempEnv } from '../helpers/temp.js';
import { tmuxSession, type TmuxSession } from '../helpers/tmux.js';

const sessions: TmuxSession[] = [];
afterEach(async () => {
  while (sessions.length) await sessions.pop()!.kill();
});

async function terminateBackends(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
  } finally {
    await admin.end();
  }
}

describe('console on a PostgreSQL desk (built binary)', () => {
  it('shows another technician’s ticket live, survives the server ending its connections, and quits cleanly', async () => {
    const env = tempEnv({ DESKLINE_DB: await tempPgDatabase() });
    const create = async (title: string) =>
      expect((await runBin(['ticket', 'create', '--title', title, '--assignee', 'me', '-q'], { env })).code).toBe(0);
    await create('First on the server');
    const s = await tmuxSession({ cols: 80, rows: 24, env, command: [process.execPath, BIN] });
    sessions.push(s);
    await s.waitFor((x) => x.includes('▸') && x.includes('First on the server'), 15_000);

    await create('Second from a colleague');
    await s.waitFor('Second from a colleague', 5_000);

    // The banner may show for less than a screen poll (the first retry is 0.25 s away): the raw output keeps it.
    const written = join(tempDir(), 'pane.out');
    await s.pipePane(written);
    await terminateBackends(env.DESKLINE_DB!);
    await s.waitFor(() => readFileSync(written, 'utf8').includes(LINK_BACK), 10_000);
    expect(readFileSync(written, 'utf8')).toContain(LINK_LOST);
    await create('Third after the cut');
    const screen = await s.waitFor((x) => x.includes('Third after the cut') && !x.includes(LINK_LOST), 5_000);
    expect(screen).not.toMatch(/cannot load|Error/);

    await s.sendKeys('q');
    expect(await s.exited()).toBe('0');
  });
});
