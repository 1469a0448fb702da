/**
 * `export jsonl`: the whole desk as JSON Lines, a header then `{"table": …, "row": {…}}` per row, in the
 * order `import jsonl` (./jsonl-import.ts) writes them back: tickets, timelines, people, tags, KB,
 * SLA settings, the audit trail and attachments (their bytes as base64). Streamed: memory stays flat.
 */
import type { Desk } from '../store/desk.js';
import { exportRows, SCHEMA_VERSION } from '../store/export-rows.js';
import { EXPORT_MARK } from './jsonl-import.js';
import type { Output } from './output-stream.js';

export const EXPORT_VERSION = 1;

export async function writeJsonl(desk: Desk, out: Output, now = Date.now()): Promise<Record<string, number>> {
  await out.write(
    `${JSON.stringify({ [EXPORT_MARK]: 'export', version: EXPORT_VERSION, schema: SCHEMA_VERSION, exported_at: new Date(now).toISOString() })}\n`,
  );
  // Lines are gathered a little before each write: one write per row costs more than the rows.
  let buffered = '';
  const counts = await exportRows(desk, (table, row) => {
    buffered += `${JSON.stringify({ table, row })}\n`;
    if (buffered.length < 64 * 1024) return;
    const text = buffered;
    buffered = '';
    return out.write(text);
  });
  if (buffered) await out.write(buffered);
  return counts;
}
