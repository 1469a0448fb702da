/** The KB query language and text normalisation: pure functions, property-tested where it matters. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchExpression, parseQuery, stem } from '../../src/domain/kb-query.js';
import { parseSearch, searchExpression } from '../../src/domain/kb-search-query.js';
import { makeSnippet } from '../../src/domain/kb-snippet.js';
import { fold, markdownToPlain, normaliseTags, searchColumns, slugify, words } from '../../src/domain/kb-text.js';

describe('KB text', () => {
  it('folds apostrophes, case and accents', () => {
    expect(words("Can't print — CAFÉ’s Wi-Fi, naïve C++")).toEqual(['cant', 'print', 'cafes', 'wi', 'fi', 'naive', 'c']);
    expect(fold('Ｆｕｌｌｗｉｄｔｈ')).toBe('fullwidth');
    expect(slugify("Can't print (4th floor)!")).toBe('cant-print-4th-floor');
    expect(normaliseTags('VPN, Remote Access ,vpn')).toEqual(['vpn', 'remote', 'access']);
    expect(normaliseTags(['Remote Access', 'VPN'])).toEqual(['remote-access', 'vpn']);
  });

  it('indexes Markdown as plain text without the title heading', () => {
    expect(markdownToPlain('# Title\n\nSome **bold** and `code` with a [link](http://x).\n\n- one\n- two\n\n```\nipconfig /all\n```')).toBe(
      'Title · Some bold and code with a link. · one · two · ipconfig /all',
    );
    expect(searchColumns({ title: 'VPN setup', tags: ['remote-access'], body: "# VPN setup\n\nDon't «panic»." })).toEqual({
      search_title: 'VPN setup',
      search_tags: 'remote access',
      search_body: 'Dont "panic".',
    });
  });
});

describe('KB queries', () => {
  it('expands synonyms (longest phrase first), drops stop words and stems lightly', () => {
    expect(parseQuery("my wifi can't connect").map((g) => g.word)).toEqual(['wifi', 'connect']);
    expect(parseQuery('how do I log in').map((g) => g.terms.map((t) => t.text))[0]).toContain('sign in');
    expect(parseQuery('printers').map((g) => g.word)).toEqual(['printers']);
    expect(parseQuery('cant')).toHaveLength(1);
    expect(['printers', 'syncing', 'jammed', 'dropping', 'policies', 'access', 'bios', 'need'].map(stem)).toEqual([
      'printer',
      'sync',
      'jam',
      'drop',
      'policy',
      'access',
      'bios',
      'need',
    ]);
  });

  it('quotes every term: the expression holds no user operator outside quotes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const expr = matchExpression(parseQuery(text), 'all');
        const outside = expr.replace(/"[^"]*"/g, '');
        expect(outside).toMatch(/^[\s()*]*((AND|OR)[\s()*]*)*$/);
      }),
    );
    expect(matchExpression(parseQuery('NOT vpn "c++" ('), 'all')).toBe(
      '("vpn"* OR "remote access"* OR "globalprotect"* OR "anyconnect"* OR "tunnel"*) AND "c"',
    );
    expect(matchExpression(parseQuery('mic pc'), 'any')).toContain('"mic"');
  });

  it('reads NOT, -word and "phrases" as operators, and still quotes every term', () => {
    const words = (text: string) => {
      const q = parseSearch(text);
      return { include: q.include.map((g) => g.word), exclude: q.exclude.map((g) => g.word) };
    };
    expect(words('wifi NOT vpn')).toEqual({ include: ['wifi'], exclude: ['vpn'] });
    expect(words('printer -jam -"paper tray"')).toEqual({ include: ['printer'], exclude: ['jam', 'paper tray'] });
    expect(words('"out of office" reply NOT "auto reply"')).toEqual({ include: ['out of office', 'reply'], exclude: ['auto reply'] });
    expect(words('wi-fi not printing')).toEqual({ include: ['wi fi', 'printing'], exclude: [] });
    expect(words('"unclosed phrase')).toEqual({ include: ['unclosed phrase'], exclude: [] });
    expect(searchExpression(parseSearch('zscaler NOT vpn'), 'any')).toBe('("zscaler"*) NOT ("vpn"*)');
    expect(searchExpression(parseSearch('"paper jams" -"c++"'), 'all')).toBe('("paper jams") NOT ("c")');
    expect(searchExpression(parseSearch('NOT vpn'), 'all')).toBe('');
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const outside = searchExpression(parseSearch(text), 'all').replace(/"[^"]*"/g, '');
        expect(outside).toMatch(/^[\s()*]*((AND|OR|NOT)[\s()*]*)*$/);
      }),
    );
  });

  it('marks every matched word and phrase in a snippet', () => {
    const groups = parseQuery('wifi drops');
    expect(makeSnippet('The Wi-Fi drops often. Unrelated text here.', groups)).toBe('The «Wi-Fi» «drops» often. Unrelated text here.');
    expect(makeSnippet('', groups)).toBe('');
    expect(makeSnippet('no match at all', groups)).toBe('no match at all');
  });

  it('reads words as the index does: letters and digits of any script, accents folded, marks and symbols between words', () => {
    const groups = parseQuery('cafe naive 2024');
    expect(makeSnippet('Ça: CAFÉ 𝐀𝐁 naïve·2024 e\u0301t\u00e9 日本', groups)).toBe('Ça: «CAFÉ» 𝐀𝐁 «naïve»·«2024» e\u0301t\u00e9 日本');
  });
});
