/**
 * Several processes opening one desk at once, as a mail hook and a technician do: a new file, and an
 * old-schema file that needs an upgrade. Real processes of the built binary, started together and
 * repeated: before the version was read again under the write lock, about half of them failed
 * ("migration 001-initial failed: table technicians already exists") and an upgrade left one backup
 * per process.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { copyOldDesk, OLD_VERSION } from '../../fixtures/db/old-desk.js';
import { LATEST_VERSION } from '../../src/db/migrations/index.js';
import { runBin, type CliResult } from '../helpers/cli.js';
import { tempDir, tempEnv } from '../helpers/temp.js';

const PROCESSES = 4;

/** `ticket create` in PROCESSES processes at once against `db`; resolves when all have ended. */
function createsAtOnce(db: string): Promise<CliResult[]> {
  const env = tempEnv({ DESKLINE_DB: db });
  return Promise.all(Array.from({ length: PROCESSES }, (_, i) => runBin(['ticket', 'create', '-t', `Race ${i + 1}`, '-q'], { env })));
}

function look(db: string): { version: number; titles: string[] } {
  const raw = new Database(db, { readonly: true, fileMustExist: true });
  try {
    const titles = (raw.prepare("SELECT title FROM tickets WHERE title LIKE 'Race %' ORDER BY title").all() as { title: string }[]).map(
      (r) => r.title,
    );
    return { version: raw.pragma('user_version', { simple: true }) as number, titles };
  } finally {
    raw.close();
  }
}

const EVERY_TITLE = Array.from({ length: PROCESSES }, (_, i) => `Race ${i + 1}`);
const failures = (results: CliResult[]) => results.filter((r) => r.code !== 0).map((r) => r.stderr.trim());

describe('processes opening one desk at the same moment', () => {
  it(`all ${PROCESSES} write their ticket into a new file, round after round`, { timeout: 120_000 }, async () => {
    for (let round = 0; round < 8; round++) {
      const db = join(tempDir(), 'desk.db');
      const results = await createsAtOnce(db);
      expect(failures(results), `round ${round + 1}`).toEqual([]);
      expect(look(db)).toEqual({ version: LATEST_VERSION, titles: EVERY_TITLE });
    }
  });

  it('upgrade an old-schema file once, with one backup, and all write their ticket', { timeout: 120_000 }, async () => {
    for (let round = 0; round < 5; round++) {
      const db = copyOldDesk(tempDir());
      const results = await createsAtOnce(db);
      expect(failures(results), `round ${round + 1}`).toEqual([]);
      expect(look(db)).toEqual({ version: LATEST_VERSION, titles: EVERY_TITLE });
      const backups = readdirSync(join(db, '..', 'backups'));
      expect(backups, `round ${round + 1}`).toHaveLength(1);
      expect(backups[0]).toMatch(new RegExp(`-v${OLD_VERSION}\\.db$`));
    }
  });
});
