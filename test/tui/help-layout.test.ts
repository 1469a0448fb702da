/**
 * Issue 13 item 13: the help's groups and layout. Each place keys work has its own heading (the KB
 * search, the article reader, the draft-an-article question), so a key never appears twice with two
 * meanings in one group; at 160×48 the help uses the width and cuts nothing (descriptions wrap under
 * themselves); at 80×24 it scrolls over every line, wrapped to the width.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_KEYMAP, viewBindings } from '../../src/tui/keys/keymap.js';
import { helpPage, helpScrollMax, wrapHelpLine } from '../../src/tui/text/help-layout.js';
import { helpLines, type HelpLine } from '../../src/tui/text/help-lines.js';
import { width } from '../../src/tui/text/text.js';
import { BUILTIN_VIEWS } from '../../src/tui/state/views.js';

const KEYMAP = [...viewBindings(BUILTIN_VIEWS), ...DEFAULT_KEYMAP];
const words = (lines: readonly HelpLine[]) => lines.flatMap((l) => l.text.split(/\s+/)).filter(Boolean);

/** Each group's entries as [keys, description]. */
function groups(lines: readonly HelpLine[]): Map<string, [string[], string][]> {
  const out = new Map<string, [string[], string][]>();
  let title = '';
  for (const l of lines) {
    if (l.bold) out.set((title = l.text), []);
    else if (l.text) {
      const m = /^ {2}(\S+) +(.*)$/.exec(l.text)!;
      out.get(title)!.push([m[1]!.split('/'), m[2]!]);
    }
  }
  return out;
}

describe('help groups', () => {
  it('gives the reader and the draft question their own headings; no key means two things in one group', () => {
    const g = groups(helpLines(KEYMAP));
    expect([...g.keys()]).toEqual(
      expect.arrayContaining([
        'Knowledge base (K)',
        'Knowledge base results (Tab from the search box)',
        'Article reader (⏎ on a KB result)',
        'Draft-an-article question (after R)',
      ]),
    );
    expect(g.get('Article reader (⏎ on a KB result)')!.map(([, d]) => d)).toContain('back to the results (or the queue)');
    expect(g.get('Knowledge base (K)')!.map(([, d]) => d)).toContain('back to where you were');
    for (const [title, entries] of g) {
      const seen = new Map<string, string>();
      for (const [keys, help] of entries)
        for (const k of keys) {
          expect(seen.get(k) ?? help, `${k} in ${title}`).toBe(help);
          seen.set(k, help);
        }
    }
  });
});

describe('help layout', () => {
  it('160×48: side by side, nothing cut, every word of every line shown', () => {
    const lines = helpLines(KEYMAP);
    const page = helpPage(lines, 160, 44);
    expect(page.kind).toBe('columns');
    if (page.kind !== 'columns') return;
    expect(page.columns.length).toBeGreaterThan(1);
    for (const col of page.columns) {
      expect(col.length).toBeLessThanOrEqual(44);
      for (const l of col) expect(width(l.text)).toBeLessThan(page.columnWidth);
    }
    expect(words(page.columns.flat())).toEqual(words(lines));
    // A heading never sits alone at the foot of a column.
    for (const col of page.columns) expect(col[col.length - 1]!.bold).not.toBe(true);
  });

  it('80×24: one column that scrolls over every word, wrapped to the width; the scroll stops at the last screen', () => {
    const lines = helpLines(KEYMAP);
    const page = helpPage(lines, 80, 20);
    expect(page.kind).toBe('scroll');
    if (page.kind !== 'scroll') return;
    for (const l of page.lines) expect(width(l.text)).toBeLessThanOrEqual(80);
    expect(words(page.lines)).toEqual(words(lines));
    expect(helpScrollMax(lines, 80, 20)).toBe(page.lines.length - 20);
    expect(helpScrollMax(lines, 160, 44)).toBe(0);
  });

  it('wraps a description under itself', () => {
    const [first, second] = wrapHelpLine(
      { text: `  ${'T'.padEnd(13)} start / stop a timer on the ticket (stopping logs the minutes)`, indent: 16 },
      52,
    );
    expect(first!.text).toBe('  T             start / stop a timer on the ticket');
    expect(second!.text).toBe('                (stopping logs the minutes)');
  });
});
