/**
 * `import zendesk` and `import jira`: the files read whole (strict UTF-8; a vendor export is one JSON
 * document or a CSV whose records span lines), parsed by ./zendesk.ts or ./jira.ts into imported
 * tickets, handed on as the import framework's records (./import-record.ts).
 */
import { readFileSync, statSync } from 'node:fs';
import { decodeUtf8 } from '../domain/text-rules.js';
import { EXIT, fail } from '../errors.js';
import type { FormatOptions, ReadIo } from './import-formats.js';
import type { ImportItem, ImportPerson, ImportRecord } from './import-record.js';
import type { ImportedPerson, ImportedTicket, VendorFile } from './vendor-record.js';

/** A vendor file this large is not an export (the parsers hold a file in memory). */
const MAX_FILE = 512 * 1024 * 1024;

async function readFiles(paths: readonly string[], io: ReadIo): Promise<VendorFile[]> {
  const files: VendorFile[] = [];
  for (const path of paths) {
    let bytes: Buffer;
    if (path === '-') {
      const chunks: Buffer[] = [];
      for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
      bytes = Buffer.concat(chunks);
    } else {
      if (statSync(path).size > MAX_FILE) fail(EXIT.invalid, `${path}: is larger than ${MAX_FILE / 1024 / 1024} MB`);
      bytes = readFileSync(path);
    }
    const name = path === '-' ? 'stdin' : path;
    if (bytes.includes(0)) fail(EXIT.invalid, `${name}: is binary (it holds NUL bytes), not a text export`);
    files.push({ name, text: decodeUtf8(bytes, name).replace(/^\ufeff/, '') });
    io.advance(bytes.length);
  }
  return files;
}

const personOf = (p: ImportedPerson | null): ImportPerson | null => (p ? { name: p.name, email: p.email } : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** An imported ticket as the framework's record; its place is the parser's own (`file record N (ticket 7)`). */
export function recordOf(t: ImportedTicket, now: number): ImportRecord {
  const f = t.fields;
  const created = num(f.createdAt) ?? now;
  return {
    kind: 'ticket',
    at: { file: t.where },
    externalId: strOrNull(f.externalId),
    ticket: {
      title: typeof f.title === 'string' ? f.title : '',
      description: strOrNull(f.description),
      status: strOrNull(f.status),
      priority: strOrNull(f.priority),
      channel: strOrNull(f.channel),
      resolution: strOrNull(f.resolution),
      createdAt: num(f.createdAt),
      updatedAt: num(f.updatedAt),
      firstResponseAt: num(f.firstResponseAt),
      resolvedAt: num(f.resolvedAt),
      closedAt: num(f.closedAt),
    },
    requester: personOf(t.requester),
    assignee: personOf(t.assignee),
    tags: Array.isArray(f.tags) ? (f.tags as string[]) : [],
    interactions: t.timeline.map((e) => ({
      kind: e.kind,
      author: personOf(e.author),
      byRequester: !e.technician,
      body: e.body,
      createdAt: e.createdAt ?? created,
    })),
    attachments: [],
  };
}

function vendorReader(parse: (files: readonly VendorFile[]) => ImportedTicket[]) {
  return async function* read(paths: readonly string[], _options: FormatOptions, io: ReadIo): AsyncGenerator<ImportItem> {
    const now = Date.now();
    for (const ticket of parse(await readFiles(paths, io))) yield recordOf(ticket, now);
  };
}

export async function zendeskReader() {
  return vendorReader((await import('./zendesk.js')).parseZendesk);
}

export async function jiraReader() {
  return vendorReader((await import('./jira.js')).parseJira);
}
