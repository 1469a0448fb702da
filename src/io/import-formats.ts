/**
 * The import formats as data: one row each (how a format plugs in: ./import-record.ts). The command
 * adds every format's options and loads only the parser it is asked for.
 */
import type { ImportItem } from './import-record.js';

export interface ReadIo {
  /** Bytes of the input consumed since the last call (for the progress bar's ETA). */
  advance(bytes: number): void;
  /** A notice for stderr (a skipped line, a guessed mapping). */
  note(text: string): void;
  /** Standard input, for a path of `-`. */
  stdin: NodeJS.ReadableStream;
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
];

export function findFormat(name: string): ImportFormat | undefined {
  return IMPORT_FORMATS.find((f) => f.name === name);
}
