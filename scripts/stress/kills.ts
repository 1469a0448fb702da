/**
 * SIGKILL at random moments: during writes (a process committing tickets one by one, each printed once
 * committed) and during the first open of an old-version desk (fixtures/db/desk-v1.db, migrated by the
 * real binary). After each kill the desk must open, pass integrity_check, and hold every acknowledged write.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const OLD_DESK = fileURLToPath(new URL('../../fixtures/db/desk-v1.db', import.meta.url));

export interface KillFigures {
  rounds: number;
  acknowledged: number;
  lost: number;
  damaged: number;
}

/** Runs `args`, kills it with SIGKILL `delayMs` after its first output (or after start when `fromStart`); returns the whole lines it printed. */
function killAfter(args: string[], delayMs: number, fromStart: boolean, env: NodeJS.ProcessEnv): Promise<string[]> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'], env });
    let out = '';
    let armed = false;
    const arm = () => {
      if (armed) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    if (fromStart) arm();
    child.stdout.on('data', (c) => {
      out += c;
      arm();
    });
    // A line cut by the kill has no \n yet: it was never acknowledged.
    child.on('close', () => resolve(out.split('\n').slice(0, -1)));
  });
}

const integrityOk = (db: Database.Database) => (db.pragma('integrity_check', { simple: true }) as string) === 'ok';

export async function killsDuringWrites(worker: string, rounds: number): Promise<KillFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'deskline-kill-'));
  const figures: KillFigures = { rounds, acknowledged: 0, lost: 0, damaged: 0 };
  try {
    const desk = join(dir, 'desk.db');
    for (let round = 0; round < rounds; round++) {
      const lines = await killAfter([worker, 'writer', desk], 5 + ((round * 37) % 300), false, process.env);
      const acked = lines;
      const db = new Database(desk);
      if (!integrityOk(db)) figures.damaged++;
      const has = db.prepare('SELECT 1 FROM tickets WHERE external_id = ?');
      figures.acknowledged += acked.length;
      figures.lost += acked.filter((id) => !has.get(id)).length;
      db.close();
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function killsDuringMigrations(bin: string, rounds: number): Promise<KillFigures> {
  const figures: KillFigures = { rounds, acknowledged: 0, lost: 0, damaged: 0 };
  for (let round = 0; round < rounds; round++) {
    const dir = mkdtempSync(join(tmpdir(), 'deskline-kill-'));
    try {
      const desk = join(dir, 'desk.db');
      copyFileSync(OLD_DESK, desk);
      const before = new Database(desk, { readonly: true });
      const titles = (before.prepare('SELECT title FROM tickets ORDER BY id').all() as { title: string }[]).map((r) => r.title);
      before.close();
      const env = { ...process.env, DESKLINE_DB: desk, HOME: dir, XDG_CONFIG_HOME: join(dir, 'c'), XDG_DATA_HOME: join(dir, 'd') };
      await killAfter([bin, 'ticket', 'list', '--json'], (round * 7) % 200, true, env);
      // Whatever the kill left, the next open finishes the upgrade and keeps every old ticket.
      const after = spawnSync(process.execPath, [bin, 'ticket', 'list', 'status:new,open,pending,on_hold,resolved,closed', '--json'], {
        env,
        encoding: 'utf8',
      });
      figures.acknowledged += titles.length;
      if (after.status !== 0) {
        figures.damaged++;
        figures.lost += titles.length;
        continue;
      }
      const listed = new Set((JSON.parse(after.stdout) as { tickets: { title: string }[] }).tickets.map((t) => t.title));
      figures.lost += titles.filter((t) => !listed.has(t)).length;
      const db = new Database(desk, { readonly: true });
      if (!integrityOk(db)) figures.damaged++;
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return figures;
}
