/**
 * A remote session to an asset, from either face: the client the asset's protocol names (settings
 * `remote.<protocol>`, else domain/remote-client.ts's defaults) is run with its arguments as an array
 * (the face supplies how: the CLI inherits the terminal, the console suspends first), waited for, and
 * logged on a ticket as a `remote` entry with its start, end and minutes. The ticket is the one
 * given, else the newest open ticket about the asset; with neither, the session runs and is not logged.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { clientArgv, DEFAULT_CLIENTS, parseClientTemplate, sessionMinutes, type RemoteProtocol } from '../domain/remote-client.js';
import { InputError } from '../domain/text-rules.js';
import type { Settings } from '../settings.js';
import { formatRef, OPEN_STATUSES } from '../domain/ticket.js';
import { EXIT, fail } from '../errors.js';
import { assetHistory } from '../store/asset-links.js';
import { getAsset, type AssetView } from '../store/assets.js';
import type { Actor, Executor } from '../store/executor.js';
import { addInteraction } from '../store/interactions.js';
import { getTicket } from '../store/ticket-view.js';

/** How a face runs the client: waits for it; `error` when it could not be started. */
export type RunClient = (argv: readonly string[]) => { status: number | null; signal: string | null; error?: string };

export interface SessionRequest {
  tag: string;
  ticketId?: number;
  actor: Actor;
  /** Client templates from settings, by protocol (else the defaults). */
  clients: Partial<Record<RemoteProtocol, readonly string[]>>;
  /** PATH to look the program up in (so a missing client is reported before anything runs). */
  path: string;
  run: RunClient;
  now?: () => number;
}

export interface SessionResult {
  asset: AssetView;
  argv: string[];
  startedAt: number;
  endedAt: number;
  minutes: number;
  status: number | null;
  signal: string | null;
  /** The ticket the session was logged on, or null when no ticket was given or open about the asset. */
  ticketRef: string | null;
}

export async function connectAsset(db: Executor, request: SessionRequest): Promise<SessionResult> {
  const now = request.now ?? Date.now;
  const asset = await getAsset(db, request.tag);
  if (!asset.hostname) fail(EXIT.invalid, `${asset.tag} has no hostname: set it with 'asset update ${asset.tag} --hostname NAME'`);
  const protocol = asset.protocol as RemoteProtocol | null;
  if (!protocol) fail(EXIT.invalid, `${asset.tag} has no protocol: set it with 'asset update ${asset.tag} --protocol ssh|rdp|vnc'`);
  const ticketId = request.ticketId ?? (await openTicketAbout(db, asset.id));
  if (request.ticketId !== undefined) await getTicket(db, request.ticketId);
  const ticketRef = ticketId === null ? '' : formatRef(ticketId);
  const argv = clientArgv(request.clients[protocol] ?? DEFAULT_CLIENTS[protocol], {
    host: asset.hostname,
    tag: asset.tag,
    ticket: ticketRef,
  });
  if (!onPath(argv[0]!, request.path))
    fail(EXIT.notFound, `${protocol} client '${argv[0]}' is not installed (not on PATH): install it or set remote.${protocol}`);
  const startedAt = now();
  const ran = request.run(argv);
  const endedAt = now();
  if (ran.error) fail(EXIT.notFound, `cannot start ${protocol} client '${argv[0]}': ${ran.error}`);
  const minutes = sessionMinutes(startedAt, endedAt);
  if (ticketId !== null) {
    const body = sessionNote(asset, protocol, startedAt, endedAt, ran.status, ran.signal);
    await addInteraction(db, ticketId, { kind: 'remote', body, minutes }, request.actor, endedAt);
  }
  return {
    asset,
    argv,
    startedAt,
    endedAt,
    minutes,
    status: ran.status,
    signal: ran.signal,
    ticketRef: ticketId === null ? null : ticketRef,
  };
}

async function openTicketAbout(db: Executor, assetId: number): Promise<number | null> {
  const { tickets } = await assetHistory(db, assetId);
  return tickets.find((t) => (OPEN_STATUSES as readonly string[]).includes(t.status))?.id ?? null;
}

const stamp = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19) + ' UTC';

function sessionNote(asset: AssetView, protocol: string, startedAt: number, endedAt: number, status: number | null, signal: string | null) {
  const how = signal ? `was stopped by ${signal}` : `exited with ${status}`;
  return `Remote session (${protocol}) to ${asset.tag} (${asset.hostname}) from ${stamp(startedAt)} to ${stamp(endedAt)}; the client ${how}.`;
}

/** Whether `program` names an executable file (a path, or a name found on PATH). */
export function onPath(program: string, path: string): boolean {
  const candidates = program.includes('/')
    ? [program]
    : path
        .split(delimiter)
        .filter((d) => isAbsolute(d))
        .map((d) => join(d, program));
  return candidates.some((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The client templates settings hold (`remote.<protocol>`), checked again: the file may have been edited by hand. */
export function remoteClients(settings: Settings): Partial<Record<RemoteProtocol, string[]>> {
  const out: Partial<Record<RemoteProtocol, string[]>> = {};
  for (const p of Object.keys(DEFAULT_CLIENTS) as RemoteProtocol[]) {
    const value = settings[`remote.${p}`];
    if (value === undefined) continue;
    try {
      out[p] = parseClientTemplate(Array.isArray(value) ? value.join(' ') : String(value), `remote.${p} in the settings file`);
    } catch (error) {
      if (error instanceof InputError) fail(EXIT.invalid, error.message);
      throw error;
    }
  }
  return out;
}
