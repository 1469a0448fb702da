/** The public ticket sample in fixtures/triage/ (see its README) as triage tickets, in file order. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { EvalTicket } from '../../src/domain/triage/evaluate.js';

export function endavaSample(path = join(import.meta.dirname, '../../fixtures/triage/endava-sample.csv')): EvalTicket[] {
  const rows = parse(readFileSync(path, 'utf8'), { columns: true }) as Record<string, string>[];
  return rows.map((r) => ({
    title: r.title ?? '',
    description: r.body ?? '',
    labels: { category: `c${r.category}`, priority: `u${r.urgency}`, tier: `g${r.sub_category1}` },
  }));
}
