/**
 * How much an import holds at once, from settings (`deskline config set import.max_record_mb 32`):
 * the longest record (a JSON Lines line, a CSV record, one string in a Zendesk or Jira JSON file),
 * checked while the file streams in, and the largest Zendesk or Jira file (those are read whole).
 * A file over either is refused at once, naming the file, the line and the setting.
 */
export interface ImportLimits {
  recordBytes: number;
  fileBytes: number;
}

export const IMPORT_LIMIT_KEYS = {
  record: { key: 'import.max_record_mb', defaultMb: 16 },
  file: { key: 'import.max_file_mb', defaultMb: 256 },
} as const;

const MB = 1024 * 1024;

/** The limits the settings give, each its default when unset or not a positive number. */
export function importLimits(settings: Record<string, unknown>): ImportLimits {
  const mb = (which: keyof typeof IMPORT_LIMIT_KEYS) => {
    const value = Number(settings[IMPORT_LIMIT_KEYS[which].key]);
    return (Number.isFinite(value) && value > 0 ? value : IMPORT_LIMIT_KEYS[which].defaultMb) * MB;
  };
  return { recordBytes: mb('record'), fileBytes: mb('file') };
}

export const DEFAULT_LIMITS: ImportLimits = importLimits({});

/** `16 MB (import.max_record_mb)`: the limit and where to change it, for an error line. */
export function limitText(limits: ImportLimits, which: keyof typeof IMPORT_LIMIT_KEYS): string {
  const bytes = which === 'record' ? limits.recordBytes : limits.fileBytes;
  return `${Number((bytes / MB).toFixed(2))} MB (${IMPORT_LIMIT_KEYS[which].key})`;
}
