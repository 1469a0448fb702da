import { existsSync } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { createProgram } from '../../src/program.js';
import { runCli } from '../helpers/cli.js';
import { tempEnv } from '../helpers/temp.js';

async function ticketCount(path: string): Promise<number> {
  const desk = await openDatabase(path);
  try {
    return desk.sqlite.prepare('SELECT count(*) FROM tickets').pluck().get() as number;
  } finally {
    await desk.close();
  }
}

describe('deskline demo seed', () => {
  it('refuses a bad --tickets or --seed with exit 4, one line, and no database written', async () => {
    const env = tempEnv();
    for (const bad of ['abc', '0', '1000001', '2.5', '1,00', '']) {
      const r = await runCli(['demo', 'seed', '--tickets', bad], { env });
      expect(r.code).toBe(4);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`deskline: --tickets: must be a whole number from 1 to 1,000,000 (got '${bad}')\n`);
    }
    const seed = await runCli(['demo', 'seed', '--seed', '-1'], { env });
    expect(seed.code).not.toBe(0);
    expect(seed.stderr.trim().split('\n')).toHaveLength(1);
    expect((await runCli(['demo', 'seed', '--seed', 'x'], { env })).code).toBe(4);
    expect(existsSync(env.DESKLINE_DB!)).toBe(false);
  });

  it('seeds, prints one summary line, refuses a second run, appends with --append --json', async () => {
    const env = tempEnv();
    const first = await runCli(['demo', 'seed', '--tickets', '1,200'], { env });
    expect(first.code).toBe(0);
    expect(first.stderr).toBe(''); // no progress bar when stderr is not a terminal
    expect(first.stdout).toMatch(/^seeded 1,200 tickets, 60 requesters, 21 technicians, 34 KB articles in \d+\.\d s\n$/);

    const again = await runCli(['demo', 'seed'], { env });
    expect(again).toMatchObject({
      code: 3,
      stdout: '',
      stderr: 'deskline: the desk already has 1,200 tickets: use --append to add demo data anyway\n',
    });
    expect(await ticketCount(env.DESKLINE_DB!)).toBe(1_200);

    const more = await runCli(['demo', 'seed', '--append', '--tickets', '300', '--seed', '5', '--json'], { env });
    expect(more.code).toBe(0);
    const json = JSON.parse(more.stdout);
    expect(json).toMatchObject({ schema: 1, seeded: { tickets: 300, first_id: 1_201, last_id: 1_500, technicians: 0, seed: 5 } });
    expect(await ticketCount(env.DESKLINE_DB!)).toBe(1_500);

    // The user at the keyboard (USER=tester) is one of the technicians, with open tickets.
    const desk = await openDatabase(env.DESKLINE_DB!);
    try {
      const mine = desk.sqlite
        .prepare(
          `SELECT count(*) FROM tickets t JOIN technicians p ON p.id = t.assignee_id
        WHERE p.email = 'tester@localhost' AND t.status IN ('new', 'open', 'pending', 'on_hold')`,
        )
        .pluck()
        .get() as number;
      expect(mine).toBeGreaterThan(0);
    } finally {
      await desk.close();
    }
  });

  it('draws a progress bar on stderr when it is a terminal, and clears it', async () => {
    const env = tempEnv();
    const chunks: string[] = [];
    const stdout = new PassThrough();
    const stderr = Object.assign(new PassThrough(), { isTTY: true });
    stdout.on('data', (c: Buffer) => chunks.push(`out:${c}`));
    stderr.on('data', (c: Buffer) => chunks.push(`err:${c}`));
    const stdin = Object.assign(Readable.from([]), { isTTY: true });
    const code = await createProgram({ stdout, stderr, stdin, env }).run(['demo', 'seed', '--tickets', '5000']);
    await new Promise((r) => setImmediate(r));
    expect(code).toBe(0);
    const err = chunks
      .filter((c) => c.startsWith('err:'))
      .map((c) => c.slice(4))
      .join('');
    expect(err).toContain('seeding [');
    expect(err).toContain(' 40%  2,000/5,000');
    expect(err.endsWith('\r\u001b[K')).toBe(true);
    expect(chunks.filter((c) => c.startsWith('out:')).join('')).toMatch(/^out:seeded 5,000 tickets/);
  });

  it('documents itself with examples', async () => {
    const help = await runCli(['demo', 'seed', '--help'], { env: tempEnv() });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('deskline demo seed --tickets 100,000');
    expect(help.stdout).toContain('--append');
  });
});
