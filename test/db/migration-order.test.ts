/**
 * Both migration lists run in version order, each version once, named by its number: a merge of two
 * branches that each added one once listed 024 before 023, so desks stopped at 23 and then refused 24.
 */
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/db/migrations/index.js';
import { PG_MIGRATIONS } from '../../src/db/pg/migrations/index.js';

describe.each([
  ['SQLite', MIGRATIONS],
  ['PostgreSQL', PG_MIGRATIONS],
] as const)('%s migrations', (_name, list) => {
  it('are numbered one after another in order (PostgreSQL starts at its 015 baseline), each named by its number', () => {
    const first = list[0]!.version;
    expect(list.map((m) => m.version)).toEqual(list.map((_m, i) => first + i));
    for (const m of list) expect(m.name.slice(0, 4)).toBe(`${String(m.version).padStart(3, '0')}-`);
  });
});
