/**
 * Assets from CSV: a header row names the columns (ours, or a spreadsheet's usual names below, or
 * `--map "Their Column=field"`), every row is checked by domain/asset.ts, and any problem is one
 * line naming the file, line and field. Nothing is written here (store/asset-import.ts writes).
 */
import { parse } from 'csv-parse/sync';
import { checkAsset, type AssetFields, type AssetValues } from '../domain/asset.js';
import { InputError } from '../domain/text-rules.js';
import { EXIT, fail } from '../errors.js';

export type AssetColumn = keyof AssetFields | 'owner';

/** Header names as spreadsheets write them (lower case, spaces and `_` as one space) → our field. */
export const HEADER_NAMES: Readonly<Record<string, AssetColumn>> = {
  tag: 'tag',
  'asset tag': 'tag',
  asset: 'tag',
  type: 'type',
  category: 'type',
  model: 'model',
  'make and model': 'model',
  serial: 'serial',
  'serial number': 'serial',
  owner: 'owner',
  'owner email': 'owner',
  'assigned to': 'owner',
  user: 'owner',
  location: 'location',
  hostname: 'hostname',
  host: 'hostname',
  'computer name': 'hostname',
  protocol: 'protocol',
  status: 'status',
  purchased: 'purchased',
  'purchase date': 'purchased',
  'purchased at': 'purchased',
  warranty: 'warranty',
  'warranty end': 'warranty',
  'warranty until': 'warranty',
  'warranty expires': 'warranty',
  notes: 'notes',
};

const FIELDS = new Set<string>(Object.values(HEADER_NAMES));

export interface AssetRecord {
  /** The line of the file the record starts on. */
  line: number;
  values: AssetValues;
  /** Requester id, email or name; null: none given. */
  owner: string | null;
}

const key = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');

/** `["Asset Tag=tag", …]` → header key → field; an unknown field is refused. */
export function parseMap(pairs: readonly string[]): Record<string, AssetColumn> {
  const out: Record<string, AssetColumn> = {};
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=');
    const field = pair
      .slice(at + 1)
      .trim()
      .toLowerCase();
    if (at < 1 || !FIELDS.has(field)) fail(EXIT.invalid, `--map: '${pair}' is not COLUMN=FIELD (fields: ${[...FIELDS].join(', ')})`);
    out[key(pair.slice(0, at))] = field as AssetColumn;
  }
  return out;
}

export function readAssetCsv(text: string, source: string, map: Record<string, AssetColumn> = {}): AssetRecord[] {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: false }) as unknown as typeof rows;
  } catch (error) {
    const e = error as { lines?: number; message: string };
    return fail(EXIT.invalid, `${source}:${e.lines ?? 1}: ${e.message.split('\n')[0]}`);
  }
  if (rows.length === 0) return fail(EXIT.invalid, `${source}: no header row`);
  const columns = rows[0]!.record.map((h, i) => {
    const field = map[key(h)] ?? HEADER_NAMES[key(h)];
    if (!field) fail(EXIT.invalid, `${source}:1: column ${i + 1} '${h}' is not an asset field (use --map "${h}=FIELD")`);
    return field;
  });
  const twice = columns.find((c, i) => columns.indexOf(c) !== i);
  if (twice) fail(EXIT.invalid, `${source}:1: two columns give the ${twice}`);
  for (const needed of ['tag', 'type'] as const)
    if (!columns.includes(needed)) fail(EXIT.invalid, `${source}:1: no column gives the ${needed} (required)`);
  const seen = new Map<string, number>();
  return rows.slice(1).map(({ record, info }) => {
    const line = info.lines;
    const given: Record<string, string> = {};
    // An empty status cell leaves the status as it is (or the default); other empty cells clear.
    columns.forEach((c, i) => (c !== 'status' || record[i]?.trim() ? (given[c] = record[i] ?? '') : undefined));
    try {
      const { owner, ...fields } = given;
      const values = checkAsset(fields as AssetFields);
      const first = seen.get(values.tag!);
      if (first !== undefined) fail(EXIT.invalid, `${source}:${line}: tag ${values.tag} is also on line ${first}`);
      seen.set(values.tag!, line);
      return { line, values, owner: owner?.trim() || null };
    } catch (error) {
      if (error instanceof InputError) fail(EXIT.invalid, `${source}:${line}: ${error.message}`);
      throw error;
    }
  });
}
