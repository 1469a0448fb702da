/**
 * `kb show`'s Markdown for a terminal, on real pages (fixtures/markdown: tables, long and nested
 * lists, lists that start past 1): ordered lists keep their numbers, text wraps at spaces within
 * the width with list items hanging under their text, tables keep their box lines at any width (or
 * become a list), and nothing but our own SGR reaches the terminal.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/domain/display-width.js';
import { parseMarkdown } from '../../src/io/markdown-front-matter.js';
import { renderMarkdown } from '../../src/io/markdown-render.js';

const DIR = new URL('../../fixtures/markdown/', import.meta.url);
const STARTER = new URL('../../fixtures/kb/', import.meta.url);
/** Third-party-like pages, then the starter KB's articles (by path from fixtures/markdown/). */
const PAGES = [
  ...readdirSync(DIR).filter((f) => f.endsWith('.md')),
  ...readdirSync(STARTER, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => `../kb/${f}`),
];
const body = (name: string) => parseMarkdown(readFileSync(new URL(name, DIR), 'utf8')).body;
const plain = (markdown: string, width = 80) => renderMarkdown(markdown, { color: false, width }).split('\n');

/** Words as a reader sees them: Markdown punctuation and a word's leading/trailing marks set aside. */
const words = (text: string) =>
  text
    .split(/[\s[\]()*`|~<>─│┌┐└┘├┤┬┴┼•◦▪]+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);

/** Each table's box: its lines, from ┌ to └. */
function boxes(lines: string[]): string[][] {
  const out: string[][] = [];
  let inside = false;
  for (const l of lines) {
    if (l.startsWith('┌')) out.push([]);
    inside ||= l.startsWith('┌');
    if (inside) out.at(-1)!.push(l);
    inside &&= !l.startsWith('└');
  }
  expect(inside, 'a table without its bottom line').toBe(false);
  return out;
}

function expectWholeBoxes(lines: string[], width: number) {
  for (const box of boxes(lines)) {
    const w = displayWidth(box[0]!);
    expect(w).toBeLessThanOrEqual(width);
    expect(box.at(-1)).toMatch(/^└─[─┴]*┘$/);
    for (const l of box) {
      expect(displayWidth(l), l).toBe(w);
      expect(l, l).toMatch(/^(┌─[─┬]*┐|├─[─┼]*┤|└─[─┴]*┘|│ .* │)$/);
    }
  }
}

describe('renderMarkdown', () => {
  it('keeps the numbers of ordered lists: 4. stays 4., a list may start at 3, 10. lines up with 9.', () => {
    const lines = plain(body('every-construct.md'));
    expect(lines.filter((l) => /^ +\d+\. /.test(l)).map((l) => l.trim().split(' ')[0])).toEqual(['4.', '5.', '6.', '3.', '4.', '1.', '2.']);
    expect(lines).toContain('     ◦ nested bullet one');
    expect(lines).toContain('    1. nested ordered one');
    const long = plain(body('stop-codes.md'));
    expect(long).toContain('   9. Update the BIOS, chipset and storage drivers to the versions in the');
    expect(long).toContain("  10. If the disk reports SMART warnings, back up the user's files to their home");
    const resumed = plain(body('firewall-ports.md')).filter((l) => /^ +\d+\. /.test(l));
    expect(resumed.map((l) => l.trim().split(' ')[0])).toEqual(['1.', '2.', '3.', '4.', '5.', '6.']);
  });

  it('wraps at spaces within 80 columns, list items hanging under their text, no word cut', () => {
    for (const page of PAGES) {
      const source = body(page);
      const lines = plain(source);
      const code = new Set(source.split('\n').map((l) => l.trim()));
      for (const l of lines) if (!code.has(l.trim())) expect(displayWidth(l), `${page}: ${l}`).toBeLessThanOrEqual(80);
      const known = new Set(words(source));
      for (const w of words(lines.join('\n'))) expect(known.has(w), `${page}: '${w}' is not a word of the page`).toBe(true);
    }
    const lines = plain(body('every-construct.md'));
    const at = lines.findIndex((l) => l.startsWith('  4. Fourth'));
    expect(lines[at + 1]).toMatch(/^ {5}\S/);
    const nested = lines.findIndex((l) => l.startsWith('     ◦ nested bullet two'));
    expect(lines[nested + 1]).toMatch(/^ {7}\S/);
  });

  it('keeps tables whole at any width: columns shrink and cells wrap, or each row becomes a list', () => {
    for (const page of PAGES) for (const width of [40, 60, 80, 100, 160]) expectWholeBoxes(plain(body(page), width), width);
    const at80 = plain(body('every-construct.md'));
    expect(at80).toContain('│ Port │ Protocol │ Service │ Used for                                         │');
    expect(at80.some((l) => /^│ 443 {2}│ +TCP +│ +HTTPS │ Sign-in, the self-service portal/.test(l))).toBe(true);
    const narrow = plain(body('every-construct.md'), 40);
    expect(narrow.join('\n')).toContain('Port: 443\nProtocol: TCP\nService: HTTPS\nUsed for: Sign-in, the');
    const headersOnly = '| Stop code | Usual cause | First thing to try |\n|---|---|---|';
    expect(plain(headersOnly, 30)).toEqual(['Stop code · Usual cause ·', 'First thing to try']);
    const matrix = plain(body('device-matrix.md'));
    expect(matrix).toContain('Platform: Android Enterprise');
    expect(matrix).toContain('Remote wipe: Work profile only, or full when fully managed');
  });

  it('renders every construct, plain without colour and only SGR with it', () => {
    const text = plain(body('every-construct.md')).join('\n');
    for (const part of [
      '# Every Markdown construct',
      'A paragraph with bold, emphasis, inline code, a portal link\n(https://portal.example.com/help), struck text',
      '## Steps that keep their numbers',
      '│ A block quote: never ask the user for their password',
      '  ipconfig /flushdns\n  netsh winsock reset',
      '─'.repeat(80),
      '  • Bullet a',
    ])
      expect(text).toContain(part);
    expect(text).not.toMatch(/[\u001b\u0007*`]/);
    const colour = renderMarkdown(body('every-construct.md'), { color: true, width: 80 });
    expect(colour).toContain('\u001b[1mbold\u001b[0m');
    expect(colour.replace(/\u001b\[[0-9;]*m/g, '')).toBe(text);
  });

  it('keeps hostile text off the terminal: escapes, entities that decode to them, raw HTML', () => {
    const text = plain(
      'Bold **a\u001b]0;owned\u0007b** &#27;[31mred &amp; &lt;tag&gt; <kbd>Ctrl</kbd>+<kbd>C</kbd> line<br>two\n\n<div>\n<b>block</b> html<!-- note -->\n</div>\n\n- [ ] task\n- [x] done',
    ).join('\n');
    expect(text).toBe('Bold ab red & <tag> Ctrl+C line\ntwo\n\nblock html\n\n  • [ ] task\n  • [x] done');
  });

  it('property: any table fits the width, boxed with whole lines or listed', () => {
    const word = fc.stringMatching(/^[a-z]{1,14}$/);
    const cell = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.array(cell, { minLength: 7, maxLength: 7 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 20, max: 140 }),
        (n, rows, width) => {
          const row = (cells: string[]) => `| ${cells.slice(0, n).join(' | ')} |`;
          const md = [row(rows[0]!), `|${' --- |'.repeat(n)}`, ...rows.slice(1).map(row)].join('\n');
          const lines = plain(md, width);
          for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(width);
          expectWholeBoxes(lines, width);
        },
      ),
      { numRuns: 150 },
    );
  });
});
