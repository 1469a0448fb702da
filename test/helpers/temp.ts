/** Temporary folders and databases for tests: each test gets its own HOME/XDG and desk file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openDatabase, type Desk } from '../../src/db/database.js';

const made: string[] = [];
const opened: Desk[] = [];

afterEach(async () => {
  while (opened.length) await opened.pop()!.close();
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});

/** A fresh folder removed after the test. */
export function tempDir(prefix = 'deskline-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** An isolated environment: HOME and XDG folders inside a temp dir, a database path, no colour. */
export function tempEnv(extra: Record<string, string> = {}): Record<string, string> {
  const dir = tempDir();
  return {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_STATE_HOME: join(dir, 'state'),
    DESKLINE_DB: join(dir, 'desk.db'),
    USER: 'tester',
    NO_COLOR: '1',
    LANG: 'C.UTF-8',
    TZ: 'UTC',
    ...extra,
  };
}

/** A migrated database in a temp folder, closed after the test. */
export async function tempDb(): Promise<Desk> {
  const desk = await openDatabase(join(tempDir(), 'desk.db'));
  opened.push(desk);
  return desk;
}

/** Rows of one SQL query against the desk a test environment points at (opened, read, closed). */
export async function dbRows(env: Record<string, string>, query: string): Promise<unknown[]> {
  const desk = await openDatabase(env.DESKLINE_DB!);
  try {
    return desk.sqlite.prepare(query).all();
  } finally {
    await desk.close();
  }
}
