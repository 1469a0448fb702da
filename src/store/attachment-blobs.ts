/**
 * A server desk's attachment bytes, in its database (attachment_blobs, migration 024, keyed by
 * SHA-256): the home every technician and every replica reads. Each machine's folder
 * (./attachment-files.ts) is a cache of it: a file attached on the server is written to both, a file
 * read on another machine comes from the table once, is checked against its hash and kept in that
 * machine's folder. One content is stored once (INSERT … ON CONFLICT DO NOTHING), one at a time, so
 * memory holds at most one file (the size limit of `attachments.max_mb` applies where a file is attached).
 * A desk file (SQLite) has no such table: its folder is the home, and these do nothing there.
 */
import { dialectOf } from '../db/dialect.js';
import { EXIT, fail } from '../errors.js';
import { blobStore, sha256, type BlobStore, type FilesOf } from './attachment-files.js';
import type { Executor } from './executor.js';

const onServer = (db: Executor) => dialectOf(db) === 'postgres';

/** Which of these hashes the server holds. */
export async function blobsOnServer(db: Executor, hashes: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(hashes)];
  if (!onServer(db) || wanted.length === 0) return new Set();
  const rows = await db.selectFrom('attachment_blobs').select('sha256').where('sha256', 'in', wanted).execute();
  return new Set(rows.map((r) => r.sha256));
}

/** Stores bytes on the server once per content; returns their hash. */
export async function putServerBlob(db: Executor, data: Uint8Array, now = Date.now()): Promise<string> {
  const hash = sha256(data);
  await db
    .insertInto('attachment_blobs')
    .values({ sha256: hash, size: data.byteLength, data: Buffer.from(data.buffer, data.byteOffset, data.byteLength), added_at: now })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  return hash;
}

/** The server's bytes of a hash, checked against it; null when it has none. */
export async function serverBlob(db: Executor, hash: string): Promise<Buffer | null> {
  if (!onServer(db)) return null;
  const row = await db.selectFrom('attachment_blobs').select('data').where('sha256', '=', hash).executeTakeFirst();
  if (!row) return null;
  const data = Buffer.from(row.data);
  if (sha256(data) !== hash) fail(EXIT.database, `the server's copy of attachment ${hash.slice(0, 12)}… is damaged (its hash differs)`);
  return data;
}

/**
 * Inside the write that attached them, on a server desk: the bytes this store was given that a row
 * names (a mail refused in its savepoint names none) and the server lacks, from this machine's folder.
 */
export async function keepOnServer(trx: Executor, blobs: BlobStore, now = Date.now()): Promise<void> {
  const given = blobs.stored();
  if (!onServer(trx) || given.length === 0) return;
  const named = await trx.selectFrom('attachments').select('sha256').distinct().where('sha256', 'in', given).execute();
  const hashes = named.map((r) => r.sha256);
  const there = await blobsOnServer(trx, hashes);
  for (const hash of hashes) if (!there.has(hash)) await putServerBlob(trx, blobs.get(hash), now);
}

/** A file's bytes for a desk: from its folder, or on a server desk from the table (then kept in the folder). */
export async function readBytes(desk: FilesOf & { db: Executor }, hash: string): Promise<Buffer> {
  const blobs = blobStore(desk);
  if (blobs.has(hash) || !onServer(desk.db)) return blobs.get(hash);
  const data = (await serverBlob(desk.db, hash)) ?? fail(EXIT.database, `the attachment ${hash.slice(0, 12)}… is not on the server`);
  blobs.put(data);
  return data;
}

/** The server's bytes of these hashes that no attachment names any more (redaction): gone from the table. */
export async function dropServerBlobs(db: Executor, hashes: readonly string[]): Promise<void> {
  if (!onServer(db) || hashes.length === 0) return;
  await db
    .deleteFrom('attachment_blobs')
    .where('sha256', 'in', [...new Set(hashes)])
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('attachments').select('id').whereRef('attachments.sha256', '=', 'attachment_blobs.sha256'))),
    )
    .execute();
}
