/**
 * Which part a desk plays in sync, carried on its kysely handle (like ./../chat-rules-carrier.ts: a
 * plugin that changes nothing, kept by every transaction begun from the handle), with its clock:
 * - a replica (a laptop's SQLite desk after `sync init`) records each write in its outbox;
 * - the server (a PostgreSQL desk) records each write in its log, so replicas learn of it.
 * A desk with neither (a plain SQLite file) records nothing and pays nothing.
 */
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { randomBytes } from 'node:crypto';
import { compareHlc, decodeHlc, encodeHlc, receiveHlc, tickHlc, ZERO_HLC, type Hlc } from '../../domain/hlc.js';
import type { Executor } from '../executor.js';

export type SyncRole = { kind: 'replica'; device: string } | { kind: 'server'; device: string };

class SyncCarrier implements KyselyPlugin {
  last: Hlc = ZERO_HLC;
  constructor(readonly role: SyncRole) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** The handle with this role on it (the same handle for none). */
export function withSyncRole<T extends Executor>(db: T, role: SyncRole | null, clock: string | null = null): T {
  if (!role) return db;
  const carrier = new SyncCarrier(role);
  if (clock) carrier.last = decodeHlc(clock) ?? ZERO_HLC;
  return db.withPlugin(carrier) as T;
}

function carrierOf(db: Executor): SyncCarrier | null {
  return db.getExecutor().plugins.find((p): p is SyncCarrier => p instanceof SyncCarrier) ?? null;
}

export function syncRoleOf(db: Executor): SyncRole | null {
  return carrierOf(db)?.role ?? null;
}

/** A fresh stamp from the handle's clock for a local write (encoded: it is also the operation's id). */
export function nextStamp(db: Executor, now = Date.now()): string {
  const carrier = carrierOf(db)!;
  carrier.last = tickHlc(carrier.last, now, carrier.role.device);
  return encodeHlc(carrier.last);
}

/** Moves the handle's clock past a stamp received from elsewhere. */
export function receiveStamp(db: Executor, stamp: string, now = Date.now()): void {
  const carrier = carrierOf(db);
  const remote = decodeHlc(stamp);
  if (!carrier || !remote || compareHlc(remote, carrier.last) <= 0) return;
  carrier.last = receiveHlc(carrier.last, remote, now, carrier.role.device);
}

export function lastStamp(db: Executor): string | null {
  const carrier = carrierOf(db);
  return carrier && carrier.last.wall > 0 ? encodeHlc(carrier.last) : null;
}

/** A server process's device: its own, so stamps of two server processes never collide. */
export function serverDevice(): string {
  return `s${randomBytes(4).toString('hex')}`;
}
