/**
 * `import zendesk` and `import jira`: the files read whole (./vendor-files.ts), parsed by ./zendesk.ts
 * or ./jira.ts into imported tickets, handed on as the import framework's records (./import-record.ts).
 */
import type { FormatOptions, ReadIo } from './import-formats.js';
import type { ImportItem, ImportPerson, ImportRecord } from './import-record.js';
import { readVendorFile } from './vendor-files.js';
import type { ImportedPerson, ImportedTicket, VendorFile } from './vendor-record.js';

async function readFiles(paths: readonly string[], io: ReadIo): Promise<VendorFile[]> {
  const files: VendorFile[] = [];
  for (const path of paths) files.push(await readVendorFile(path, io));
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
