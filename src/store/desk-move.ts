/**
 * A desk file moved onto a team server (`db migrate --from-sqlite`): the rows in one transaction
 * (src/db/pg/from-sqlite/move.ts), and the attachment files copied, each checked against its SHA-256,
 * from beside the file to the server desk's attachment folder and its table of bytes (attachment_blobs)
 * before COMMIT. A missing or altered file
 * stops the move; files copied by a move that rolls back are removed again.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { EXIT, fail } from '../errors.js';
import { moveFromSqlite, type MoveResult } from '../db/pg/from-sqlite/move.js';

export { REBUILD_PHASE } from '../db/pg/from-sqlite/move.js';
import type { SqliteSource } from '../db/pg/from-sqlite/source.js';
import { attachmentsFolder, blobStore, sha256 } from './attachment-files.js';
import type { Desk } from './desk.js';
import { keepOnServer } from './attachment-blobs.js';
import type { Executor } from './executor.js';
import { isServerDesk, schemaVersion } from './desk-server.js';

export interface DeskMove extends MoveResult {
  attachments: {
    files: number;
    folder: string;
    /** True when the server desk had no attachment folder on this machine and one was made (0700). */
    made: boolean;
  };
  ms: number;
}

export interface DeskMoveOptions {
  progress?: (done: number, total: number, table: string) => void;
}

export async function moveDeskToServer(desk: Desk, file: string, options: DeskMoveOptions = {}): Promise<DeskMove> {
  if (!isServerDesk(desk)) fail(EXIT.usage, '--from-sqlite moves a desk file onto a team server: give --db postgres://…');
  const started = performance.now();
  const folder = attachmentsFolder(desk);
  const made = !existsSync(folder);
  const blobs = blobStore(desk);
  let files = 0;
  const copyFiles = async (source: SqliteSource, trx: Kysely<unknown>) => {
    files = copyAttachmentFiles(source, (data) => blobs.put(data));
    await keepOnServer(trx as unknown as Executor, blobs); // the server's home of the bytes (every technician reads them)
  };
  let moved: MoveResult;
  try {
    moved = await moveFromSqlite(desk.db as Kysely<unknown>, desk.path, file, await schemaVersion(desk), {
      progress: options.progress,
      beforeCommit: copyFiles,
    });
  } catch (error) {
    blobs.discardNew();
    throw error;
  }
  return { ...moved, attachments: { files, folder, made: made && existsSync(folder) }, ms: performance.now() - started };
}

/** Copies every attachment the file's rows name; returns how many distinct files. */
function copyAttachmentFiles(source: SqliteSource, put: (data: Uint8Array) => string): number {
  const hashes = source.sqlite.prepare('SELECT DISTINCT sha256 FROM attachments ORDER BY sha256').pluck().all() as string[];
  if (!hashes.length) return 0;
  const from = attachmentsFolder(source.file);
  for (const hash of hashes) {
    const path = join(from, hash.slice(0, 2), hash);
    if (!existsSync(path))
      fail(EXIT.database, `the attachment file ${path} is missing: nothing moved (restore it, or redact the attachment)`);
    const data = readFileSync(path);
    if (sha256(data) !== hash) fail(EXIT.database, `the attachment file ${path} does not match its SHA-256: nothing moved`);
    put(data);
  }
  return hashes.length;
}
