/**
 * Attachment bytes between a replica's folder (beside its database file) and the server's table
 * (../attachment-blobs.ts), beside the operations that name them (./attachment-op.ts), by SHA-256:
 * - before a push batch, the bytes its attachments name that the server lacks go up, each file in a
 *   statement of its own (committed on its own: a cut connection loses none, and a retry sends only
 *   what is still missing, since the same content is stored once);
 * - before a pull batch is applied (and at `sync init`), the bytes its attachments name that this
 *   laptop lacks come down, each checked against its hash before it is kept.
 * One file at a time in memory. A file missing or damaged here is not sent (its row still travels, and
 * `ticket attachment save` says the file is missing where it went); one the server lacks is not fetched.
 */
import { sql } from 'kysely';
import { dialectOf } from '../../db/dialect.js';
import { blobStore, sha256, type BlobStore } from '../attachment-files.js';
import { blobsOnServer, putServerBlob, serverBlob } from '../attachment-blobs.js';
import type { Executor } from '../executor.js';
import type { SyncOp } from './ops.js';

/** The replica's own attachment folder: beside its database file (SQLite names it). */
export async function replicaFiles(local: Executor): Promise<BlobStore> {
  const list = await sql<{ name: string; file: string }>`PRAGMA database_list`.execute(local);
  return blobStore(list.rows.find((r) => r.name === 'main')?.file ?? '');
}

/** The files these operations name (a name that is no SHA-256 is refused where the operation is applied: ./attachment-op.ts). */
const hashesOf = (ops: readonly SyncOp[]) => [
  ...new Set(ops.flatMap((op) => (op.kind === 'attachment' && /^[0-9a-f]{64}$/.test(String(op.body.sha256)) ? [op.body.sha256] : []))),
];

/** Sends the bytes these operations' attachments name and the server lacks; returns how many files went. */
export async function uploadBlobs(local: Executor, server: Executor, ops: readonly SyncOp[]): Promise<number> {
  const hashes = hashesOf(ops);
  if (hashes.length === 0) return 0;
  const there = await blobsOnServer(server, hashes);
  const files = await replicaFiles(local);
  let sent = 0;
  for (const hash of hashes) {
    if (there.has(hash) || !files.has(hash)) continue;
    const data = files.get(hash);
    if (sha256(data) !== hash) continue;
    await putServerBlob(server, data);
    sent++;
  }
  return sent;
}

/** Fetches the bytes of these hashes (or these operations' attachments) this replica lacks; returns how many came. */
export async function downloadBlobs(local: Executor, server: Executor, wanted: readonly SyncOp[] | readonly string[]): Promise<number> {
  const hashes = wanted.length && typeof wanted[0] === 'string' ? [...new Set(wanted as string[])] : hashesOf(wanted as SyncOp[]);
  if (hashes.length === 0) return 0;
  const files = await replicaFiles(local);
  let came = 0;
  for (const hash of hashes) {
    if (files.has(hash)) continue;
    const data = await serverBlob(server, hash);
    if (!data) continue;
    files.put(data);
    came++;
  }
  return came;
}

/** On a replica, inside a redaction pulled from the server: the bytes of these hashes that no attachment names any more, shredded. */
export async function dropLocalBytes(local: Executor, hashes: readonly string[]): Promise<void> {
  if (hashes.length === 0 || dialectOf(local) !== 'sqlite') return;
  const files = await replicaFiles(local);
  for (const hash of new Set(hashes)) {
    const still = await local.selectFrom('attachments').select('id').where('sha256', '=', hash).limit(1).executeTakeFirst();
    if (!still) files.shred(hash);
  }
}
