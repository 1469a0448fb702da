/**
 * `import csv`: any CSV with a header row. Columns map to ticket fields (./csv-mapping.ts: `--map`, or
 * guessed); `?` or an empty cell is missing; dates in the common layouts (domain/loose-date.ts,
 * `--date-format` when ambiguous). With `--key COLUMN` the rows sharing a key are one ticket, read in
 * order as its history (./csv-history.ts). Streamed through csv-parse with strict UTF-8.
 */
import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { pipeline, type Readable } from 'node:stream';
import { DATE_LAYOUTS, type DateLayout } from '../domain/loose-date.js';
import { EXIT, fail } from '../errors.js';
import { describeMapping, mapColumns } from './csv-mapping.js';
import { rowsRecord, type CsvRow } from './csv-record.js';
import type { FormatOptions, ReadIo } from './import-formats.js';
import { RecordError, type ImportItem } from './import-record.js';
import { DEFAULT_LIMITS, limitText, type ImportLimits } from './import-limits.js';
import { strictUtf8 } from './strict-utf8.js';

export async function* readCsv(paths: readonly string[], options: FormatOptions, io: ReadIo): AsyncGenerator<ImportItem> {
  const layout = options.dateFormat as string | undefined;
  if (layout !== undefined && !(DATE_LAYOUTS as readonly string[]).includes(layout)) {
    fail(EXIT.invalid, `--date-format: '${layout}' is not a layout (${DATE_LAYOUTS.join(', ')})`);
  }
  for (const path of paths) {
    const file = path === '-' ? 'stdin' : path;
    const rows = csvRows(path === '-' ? (io.stdin as Readable) : createReadStream(path), file, io.advance, io.limits);
    const first = await rows.next();
    if (first.done) throw new RecordError({ file }, null, 'no header row: the file is empty');
    const header = first.value.cells;
    const mapping = mapColumns(header, options.map as string | undefined, file);
    if (options.dryRun) io.note(`${file}: ${describeMapping(mapping, header)}`);
    const key = keyColumn(options.key as string | undefined, header, file);
    const settings = { mapping, file, layout: layout as DateLayout | undefined, keyed: key !== null };
    if (key === null) {
      for await (const row of rows) yield rowsRecord([row], settings);
      continue;
    }
    // One ticket per key, its rows in file order; tickets in the order their keys first appear.
    const byKey = new Map<string, CsvRow[]>();
    for await (const row of rows) {
      const value = row.cells[key]?.trim() ?? '';
      if (value === '' || value === '?') throw new RecordError({ file, line: row.line }, header[key]!, 'is empty: every row needs its key');
      byKey.set(value, [...(byKey.get(value) ?? []), row]);
    }
    for (const [value, group] of byKey) yield rowsRecord(group, { ...settings, externalId: value });
  }
}

function keyColumn(key: string | undefined, header: readonly string[], file: string): number | null {
  if (key === undefined) return null;
  const at = header.findIndex((h) => h.trim() === key.trim());
  return at >= 0 ? at : fail(EXIT.invalid, `--key: ${file} has no column '${key}' (columns: ${header.join(', ')})`);
}

/** The records of a CSV stream with the line each ends on; csv-parse's errors as RecordErrors naming the line. */
async function* csvRows(
  input: Readable,
  file: string,
  advance: (bytes: number) => void,
  limits: ImportLimits = DEFAULT_LIMITS,
): AsyncGenerator<CsvRow> {
  const parser = parse({ bom: true, info: true, skip_empty_lines: true, max_record_size: limits.recordBytes, relax_column_count: false });
  // pipeline hands an error of any step (a bad byte, an unreadable file) to the parser, whose loop then throws it.
  pipeline(input, strictUtf8(file, advance), parser, () => undefined);
  let width = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      width ||= record.length;
      yield { cells: record, line: info.lines };
    }
  } catch (error) {
    if (error instanceof RecordError) throw error;
    const e = error as { code?: string; lines?: number; message: string; record?: unknown[] };
    if (!e.code?.startsWith('CSV_')) throw error;
    const at = { file, line: e.lines };
    if (e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH')
      throw new RecordError(at, null, `${e.record?.length ?? 'another number of'} columns where the header has ${width}`);
    if (e.code === 'CSV_MAX_RECORD_SIZE') throw new RecordError(at, null, `a record longer than ${limitText(limits, 'record')}`);
    throw new RecordError(
      at,
      null,
      e.message.replace(/^Invalid (Record|Opening|Closing) (Length|Quote)?:?\s*/i, '').replace(/\s*at line \d+.*$/, ''),
    );
  }
}
