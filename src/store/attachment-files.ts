/**
 * The bytes of attachments, beside the database in a 0700 folder (`desk.db` → `desk-attachments/`;
 * a desk on a server: a folder per server desk under the data folder, src/paths.ts),
 * each file 0600 and named by its SHA-256 (`ab/abcd…`): the same bytes are stored once, and no name
 * from outside ever becomes a path. Files written by a transaction that rolls back are removed again.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { EXIT, fail } from '../errors.js';
import { writePrivateFile } from '../private-files.js';
import { isPostgresUrl } from '../db/dialect.js';
import { parsePgTarget } from '../db/pg/target.js';
import { serverAttachmentsFolder } from '../paths.js';

/** A desk as far as its files go: its path, and for a server desk the folder chosen when it was opened. */
export interface FilesOf {
  path: string;
  attachments?: string;
}

/** The attachment folder of a desk file, or of a server desk (its own, or one keyed by host and database under `env`'s data folder). */
export function attachmentsFolder(desk: string | FilesOf, env: Record<string, string | undefined> = process.env): string {
  if (typeof desk !== 'string') return desk.attachments ?? attachmentsFolder(desk.path, env);
  const dbPath = desk;
  if (isPostgresUrl(dbPath)) {
    const t = parsePgTarget(dbPath, env);
    return serverAttachmentsFolder(env, t.host, t.port, t.database);
  }
  if (dbPath === ':memory:' || dbPath === '') fail(EXIT.usage, 'attachments need a database file (this desk is in memory)');
  return join(dirname(dbPath), `${basename(dbPath).replace(/\.(db|sqlite3?)$/i, '')}-attachments`);
}

export const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

const HEX64 = /^[0-9a-f]{64}$/;

export interface BlobStore {
  folder: string;
  /** Stores the bytes (once per content); returns their hash. */
  put(data: Uint8Array): string;
  get(hash: string): Buffer;
  /** Whether the bytes of this hash are in the folder. */
  has(hash: string): boolean;
  /** The hashes this store was given (put), new or not. */
  stored(): string[];
  /** Zeros the bytes of a hash, then removes its file (redaction). */
  shred(hash: string): void;
  /** Forgets the files this store created (the transaction that wrote their rows rolled back). */
  discardNew(): void;
}

export function blobStore(desk: string | FilesOf): BlobStore {
  const folder = attachmentsFolder(desk);
  const created: string[] = [];
  const given = new Set<string>();
  const pathOf = (hash: string) => {
    if (!HEX64.test(hash)) fail(EXIT.database, `attachment hash '${hash.slice(0, 70)}' is not a SHA-256`);
    return join(folder, hash.slice(0, 2), hash);
  };
  return {
    folder,
    put(data) {
      const hash = sha256(data);
      const path = pathOf(hash);
      given.add(hash);
      if (!existsSync(path)) {
        writePrivateFile(path, data);
        created.push(path);
      }
      return hash;
    },
    get(hash) {
      const path = pathOf(hash);
      if (!existsSync(path)) fail(EXIT.database, `the attachment file ${path} is missing`);
      return readFileSync(path);
    },
    has: (hash) => existsSync(pathOf(hash)),
    stored: () => [...given],
    shred(hash) {
      const path = pathOf(hash);
      if (!existsSync(path)) return;
      writeFileSync(path, Buffer.alloc(statSync(path).size)); // zeros over the bytes before the name goes
      rmSync(path, { force: true });
    },
    discardNew() {
      for (const path of created.splice(0)) rmSync(path, { force: true });
    },
  };
}
