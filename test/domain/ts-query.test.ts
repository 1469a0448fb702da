/** The tsquery text built from parsed search words: every lexeme quoted, scoped to the weights asked for. */
import { describe, expect, it } from 'vitest';
import { groupsTsQuery, lexeme, searchTsQuery } from '../../src/domain/ts-query.js';

describe('ts-query', () => {
  it('scopes a lexeme to every weight, title and tags, the title alone or the tags alone', () => {
    expect((['all', 'titles', 'title', 'tags'] as const).map((scope) => lexeme('print', true, scope))).toEqual([
      "'print':*",
      "'print':*AB",
      "'print':*A",
      "'print':*B",
    ]);
    expect(lexeme("o'brien\\", false, 'title')).toBe("'o\\'brien\\\\':A");
  });

  it('scopes every lexeme of a group, phrases included, and keeps exclusions unscoped', () => {
    expect(groupsTsQuery([{ word: 'paper jam', terms: [{ text: 'paper jam', prefix: false }] }], 'all', 'tags')).toBe(
      "('paper':B <-> 'jam':B)",
    );
    const query = {
      include: [{ word: 'vpn', terms: [{ text: 'vpn', prefix: true }] }],
      exclude: [{ word: 'mac', terms: [{ text: 'mac', prefix: false }] }],
    };
    expect(searchTsQuery(query, 'all', 'titles')).toBe("('vpn':*AB) & !('mac')");
  });
});
