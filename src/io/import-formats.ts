/**
 * The import formats as data: one row each (how a format plugs in: ./import-record.ts). The command
 * adds every format's options and loads only the parser it is asked for.
 */
import type { ImportLimits } from './import-limits.js';
import type { ImportItem } from './import-record.js';

export interface ReadIo {
  /** Bytes of the input consumed since the last call (for the progress bar's ETA). */
  advance(bytes: number): void;
  /** A notice for stderr (a skipped line, a guessed mapping). */
  note(text: string): void;
  /** Standard input, for a path of `-`. */
  stdin: NodeJS.ReadableStream;
  /** The settings' size limits (./import-limits.ts); their defaults when not given. */
  limits?: ImportLimits;
}

/** Option values as commander gives them (`--date-format` → dateFormat). */
export type FormatOptions = Record<string, string | boolean | undefined>;

export type ImportReader = (paths: readonly string[], options: FormatOptions, io: ReadIo) => AsyncIterable<ImportItem>;

export interface FormatOption {
  flags: string;
  help: string;
}

export interface ImportFormat {
  name: string;
  summary: string;
  /** Options only this format reads (shown in `import --help`). */
  options: readonly FormatOption[];
  /** Accepts folders as paths (mail folders). */
  folders?: boolean;
  load(): Promise<ImportReader>;
}

export const IMPORT_FORMATS: readonly ImportFormat[] = [
  {
    name: 'jsonl',
    summary: "Deskline's own export (deskline export jsonl): lossless",
    options: [],
    load: async () => (await import('./jsonl-import.js')).readJsonl,
  },
  {
    name: 'csv',
    summary: 'any CSV with a header row: columns mapped (--map) or guessed from their names',
    options: [
      { flags: '--map <pairs>', help: 'field=Column pairs, comma-separated: title=Subject,requester=Email,created=Opened' },
      { flags: '--date-format <layout>', help: 'when dates are ambiguous: DD-MM-YYYY, MM/DD/YYYY, DD/MM/YYYY, …' },
      { flags: '--key <column>', help: 'rows sharing this column are one ticket, applied in order as its history' },
    ],
    load: async () => (await import('./csv-import.js')).readCsv,
  },
  {
    name: 'zendesk',
    summary:
      'Zendesk Support API v2 JSON: tickets with side-loaded users and comments, comments files named <ticket id>.json, or a JSON Lines export',
    options: [],
    load: async () => (await import('./vendor-import.js')).zendeskReader(),
  },
  {
    name: 'jira',
    summary: "Jira's CSV export or REST search JSON (issues[].fields; ADF and wiki markup as text)",
    options: [],
    load: async () => (await import('./vendor-import.js')).jiraReader(),
  },
  {
    name: 'eml',
    summary: 'mail messages: .eml files, folders of them, or - for one message on stdin (a mail server pipe)',
    options: [],
    folders: true,
    load: async () => (await import('./mail-import.js')).readEml,
  },
  {
    name: 'mbox',
    summary: 'an mbox mail file: each message a ticket, or a reply added to its ticket',
    options: [],
    load: async () => (await import('./mail-import.js')).readMbox,
  },
  {
    name: 'maildir',
    summary: 'a maildir folder (cur/ and new/), as offline mail clients keep it',
    options: [],
    folders: true,
    load: async () => (await import('./mail-import.js')).readMaildir,
  },
];

export function findFormat(name: string): ImportFormat | undefined {
  return IMPORT_FORMATS.find((f) => f.name === name);
}
