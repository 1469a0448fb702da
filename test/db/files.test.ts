/** The database and its companions are private on disk: folder 0700, file and -wal/-shm 0600. */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { tempDir } from '../helpers/temp.js';

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('database files', () => {
  it('creates a fresh database 0600 in a 0700 folder, and its -wal/-shm 0600 after a write', async () => {
    const path = join(tempDir(), 'nested', 'deeper', 'desk.db');
    const desk = await openDatabase(path);
    try {
      await desk.db.insertInto('technicians').values({ name: 'Sam Okafor', email: 'sam@example.com', tier: 'L1', created_at: 1 }).execute();
      expect(mode(path)).toBe('600');
      expect(mode(join(path, '..'))).toBe('700');
      expect(mode(join(path, '..', '..'))).toBe('700');
      expect(existsSync(`${path}-wal`)).toBe(true);
      expect(mode(`${path}-wal`)).toBe('600');
      expect(mode(`${path}-shm`)).toBe('600');
    } finally {
      await desk.close();
    }
  });

  it('creates them private under umask 000 too', async () => {
    const previous = process.umask(0o000);
    try {
      const path = join(tempDir(), 'lax', 'desk.db');
      const desk = await openDatabase(path);
      await desk.close();
      expect(mode(path)).toBe('600');
      expect(mode(join(path, '..'))).toBe('700');
    } finally {
      process.umask(previous);
    }
  });

  it('stamps a fresh database with Deskline application_id and the latest user_version', async () => {
    const desk = await openDatabase(join(tempDir(), 'desk.db'));
    try {
      expect(desk.sqlite.pragma('application_id', { simple: true })).toBe(0x44534b4c);
      expect(desk.sqlite.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(1);
      expect(desk.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(desk.backup).toBeNull();
    } finally {
      await desk.close();
    }
  });
});
