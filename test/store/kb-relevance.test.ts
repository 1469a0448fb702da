/**
 * Relevance of KB search on the starter articles: every query in fixtures/kb-queries.json must
 * find one of its expected articles in the top 3 (misspellings, synonyms, apostrophes included).
 * Prints the hit rate and the misses; fails under 90%.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadStarterKb } from '../../src/io/kb-import.js';
import { searchKb } from '../../src/store/kb-search.js';
import { tempDb } from '../helpers/temp.js';

interface Case {
  query: string;
  expect: string[];
}

const { queries } = JSON.parse(readFileSync(new URL('../../fixtures/kb-queries.json', import.meta.url), 'utf8')) as { queries: Case[] };

describe('KB search relevance', () => {
  it('finds an expected article in the top 3 for at least 90% of the queries', async () => {
    expect(queries.length).toBeGreaterThanOrEqual(40);
    const { db } = await tempDb();
    const loaded = await loadStarterKb(db);
    expect(loaded.created).toBeGreaterThanOrEqual(30);
    const misses: string[] = [];
    for (const c of queries) {
      const top = (await searchKb(db, c.query, { limit: 3 })).map((r) => r.slug);
      if (!c.expect.some((slug) => top.includes(slug)))
        misses.push(`  "${c.query}" → [${top.join(', ')}], wanted ${c.expect.join(' or ')}`);
    }
    const rate = (queries.length - misses.length) / queries.length;
    console.log(
      `KB relevance: top-3 hit rate ${(rate * 100).toFixed(1)}% (${queries.length - misses.length}/${queries.length})${misses.length ? `\nmisses:\n${misses.join('\n')}` : ''}`,
    );
    expect(rate).toBeGreaterThanOrEqual(0.9);
  });
});
