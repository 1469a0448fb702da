import { describe, expect, it } from 'vitest';
import type { KbSearchResult } from '../../src/store/kb-search.js';
import { sgrOnly, wrapAnsi } from '../../src/tui/text/ansi-wrap.js';
import { snippetParts, suggestionLines } from '../../src/tui/text/kb-lines.js';
import { width } from '../../src/tui/text/text.js';

const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');
const text = (parts: { text: string }[]) => parts.map((p) => p.text).join('');

describe('KB text', () => {
  it('snippets: matches as parts, [bracketed] without colour, cut to the width with …', () => {
    expect(snippetParts('Most «jams» clear at the «printer».', 80, true)).toEqual([
      { text: 'Most ', hit: false },
      { text: 'jams', hit: true },
      { text: ' clear at the ', hit: false },
      { text: 'printer', hit: true },
      { text: '.', hit: false },
    ]);
    expect(text(snippetParts('Most «jams» clear at the «printer».', 80, false))).toBe('Most [jams] clear at the [printer].');
    const cut = snippetParts('Most «jams» clear at the «printer» in minutes', 16, false);
    expect(text(cut)).toBe('Most [jams] cle…');
    expect(width(text(cut))).toBe(16);
    expect(text(snippetParts('a \x1b]0;evil\x07«b»', 20, false))).toBe('a [b]');
  });

  it('suggestions: loading, none, and linked marks', () => {
    expect(suggestionLines(null, 1).map((l) => l.text)).toEqual(['── Suggested articles ──', 'Looking…']);
    expect(suggestionLines({ ticketId: 1, items: [] }, 1)[0]!.text).toMatch(/none/);
    const item: KbSearchResult = {
      id: 24,
      slug: 'x',
      title: 'Clear a \x1b[31mjam',
      category: 'printer',
      tags: [],
      audience: 'public',
      status: 'published',
      score: 1,
      snippet: '',
      searched: [],
    };
    const lines = suggestionLines(
      {
        ticketId: 1,
        items: [
          { ...item, linked: true },
          { ...item, id: 25, linked: false },
        ],
      },
      1,
    );
    expect(lines.map((l) => l.text)).toEqual([
      '── Suggested articles (L links) ──',
      '✓ KB-24  Clear a jam  (linked)',
      '· KB-25  Clear a jam',
    ]);
    expect(lines[1]!.color).toBe('green');
  });

  it('wraps styled lines by words within the width, hanging list items, styling carried over', () => {
    const out = wrapAnsi('  2. Open the \x1b[1mdoor or tray the screen points to\x1b[22m (usually the front door).', 30);
    expect(out.map(plain)).toEqual(['  2. Open the door or tray the', '     screen points to (usually', '     the front door).']);
    expect(out.every((l) => width(plain(l)) <= 30)).toBe(true);
    expect(out[1]!.startsWith('     \x1b[1m')).toBe(true);
    expect(wrapAnsi('short', 30)).toEqual(['short']);
    expect(wrapAnsi('x'.repeat(25), 10).map(plain)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    expect(sgrOnly('a\x1b[1mb\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\\x07')).toBe('a\x1b[1mblink');
  });
});
