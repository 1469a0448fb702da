/**
 * `import jsonl`: Deskline's own export (io/jsonl-export.ts) read back. Each line is a header
 * (`{"deskline": "export", …}`) or one row of a table (`{"table": "tickets", "row": {…}}`); rows are
 * written back as they were (store/import-rows.ts), so export → import into an empty desk is lossless.
 */
import type { FormatOptions, ReadIo } from './import-formats.js';
import { RecordError, type ImportItem } from './import-record.js';
import { readLines } from './line-reader.js';

export const EXPORT_MARK = 'deskline';

export async function* readJsonl(paths: readonly string[], _options: FormatOptions, io: ReadIo): AsyncGenerator<ImportItem> {
  for (const path of paths) {
    const file = path === '-' ? 'stdin' : path;
    let rows = 0;
    for await (const { text, line } of readLines(path, io.advance, io.stdin, file, io.limits)) {
      if (text.trim() === '') continue;
      const at = { file, line };
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new RecordError(at, null, `not JSON (${(error as Error).message.replace(/ in JSON at position.*/, '')})`);
      }
      if (!value || typeof value !== 'object' || Array.isArray(value)) throw new RecordError(at, null, 'must be a JSON object');
      const obj = value as Record<string, unknown>;
      if (EXPORT_MARK in obj) {
        if (obj[EXPORT_MARK] !== 'export') throw new RecordError(at, EXPORT_MARK, "must be 'export'");
        continue;
      }
      if (typeof obj.table !== 'string')
        throw new RecordError(at, 'table', 'missing: each line is {"table": …, "row": {…}} (deskline export jsonl)');
      if (!obj.row || typeof obj.row !== 'object' || Array.isArray(obj.row)) throw new RecordError(at, 'row', 'must be an object');
      rows++;
      yield { kind: 'row', at, table: obj.table, row: obj.row as Record<string, unknown> };
    }
    if (rows === 0) throw new RecordError({ file }, null, 'no rows: the file is empty');
  }
}
