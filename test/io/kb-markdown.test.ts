/**
 * Markdown articles on disk: front matter parsing, errors naming the file and line, and
 * export → import round trips (property-tested over generated articles).
 */
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateArticle, type ArticleInput } from '../../src/domain/kb-article.js';
import { DesklineError } from '../../src/errors.js';
import { writeMarkdownDir } from '../../src/io/markdown-export.js';
import { formatMarkdown, parseMarkdown } from '../../src/io/markdown-front-matter.js';
import { parseArticle, readMarkdownDir } from '../../src/io/markdown-import.js';
import { tempDir } from '../helpers/temp.js';

function failure(f: () => unknown): { code: number; message: string } {
  try {
    f();
  } catch (error) {
    if (error instanceof DesklineError) return { code: error.exitCode, message: error.message };
    throw error;
  }
  throw new Error('did not fail');
}

function tree(files: Record<string, string | Buffer>): string {
  const dir = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('Markdown articles', () => {
  it('reads front matter, else the first heading or file name, and the category from the folder', () => {
    const dir = tree({
      'network/vpn-setup.md':
        '---\ntitle: Connect to the VPN\ntags: [vpn, Remote Access]\naudience: public\nowner: ignored\n---\n\nBody **text**.\n',
      'network/wifi.md': '# Wi-Fi drops\n\nForget the network.\n',
      'printer/toner_low.md': 'Replace the cartridge.',
      'top.md': '# Top level\n',
      'notes.txt': 'not markdown',
      '.hidden/secret.md': '# no',
    });
    const files = readMarkdownDir(dir);
    expect(files.map((f) => [f.path, f.article.slug, f.article.title, f.article.category, f.article.tags, f.article.audience])).toEqual([
      ['network/vpn-setup.md', 'vpn-setup', 'Connect to the VPN', 'network', ['vpn', 'remote-access'], 'public'],
      ['network/wifi.md', 'wifi', 'Wi-Fi drops', 'network', [], 'internal'],
      ['printer/toner_low.md', 'toner-low', 'Toner low', 'printer', [], 'internal'],
      ['top.md', 'top', 'Top level', 'general', [], 'internal'],
    ]);
    expect(files[0]!.article.body).toBe('Body **text**.');
  });

  it('names the file and line of a bad value, a YAML error or an unclosed front matter (exit 4)', () => {
    expect(failure(() => readMarkdownDir(tree({ 'a/ok.md': '# ok', 'b/bad.md': '---\ntitle: Fine\naudience: everyone\n---\nx' })))).toEqual(
      {
        code: 4,
        message: "b/bad.md:3: audience: must be one of internal, public (got 'everyone')",
      },
    );
    expect(failure(() => readMarkdownDir(tree({ 'x.md': '---\ntitle: A\ntags: [a, b\n---\n' }))).message).toMatch(
      /^x\.md:\d: front matter: /,
    );
    expect(failure(() => readMarkdownDir(tree({ 'x.md': '---\ntitle: A\n\nbody' })))).toEqual({
      code: 4,
      message: 'x.md:1: front matter is not closed (expected a line with ---)',
    });
    expect(failure(() => readMarkdownDir(tree({ 'x.md': '---\n- a list\n---\n' }))).message).toBe(
      'x.md:2: front matter must be a mapping of keys (title: …, tags: […])',
    );
    expect(failure(() => readMarkdownDir(tree({ 'x.md': Buffer.from([0x23, 0x20, 0x41, 0x0a, 0xff, 0xfe]) })))).toEqual({
      code: 4,
      message: 'x.md:2: not valid UTF-8 text',
    });
    expect(failure(() => readMarkdownDir(tree({ 'a/same.md': '# A', 'b/same.md': '# B' }))).message).toBe(
      "b/same.md:1: slug 'same' is also the slug of a/same.md (rename one file)",
    );
    expect(failure(() => readMarkdownDir(tree({ 'x.md': '---\ntags: {a: 1}\n---\n' }))).message).toBe(
      'x.md:2: tags: must be a list of words or a comma-separated string (got a mapping)',
    );
    expect(failure(() => readMarkdownDir(join(tempDir(), 'missing'))).code).toBe(2);
    expect(failure(() => readMarkdownDir(tree({ 'a.txt': 'x' }))).message).toMatch(/^no Markdown \(\.md\) files in /);
  });

  it('lets flags win over front matter, and says which flag is wrong', () => {
    const text = '---\ntitle: From file\ncategory: network\n---\nBody';
    expect(parseArticle(text, 'x.md', { overrides: { title: 'From flag' } })).toMatchObject({
      title: 'From flag',
      category: 'network',
      slug: 'from-flag',
    });
    expect(failure(() => parseArticle(text, 'x.md', { overrides: { status: 'live' } })).message).toBe(
      "--status: must be one of draft, published (got 'live')",
    );
    expect(failure(() => parseArticle('no title here', 'stdin')).message).toBe(
      'stdin:1: title: missing (give --title, a title: line in front matter, or a # heading)',
    );
  });

  it('keeps the body as written, minus surrounding blank lines and CRLF', () => {
    expect(parseMarkdown('\ufeff---\r\ntitle: T\r\n---\r\n\r\n\r\nLine 1\r\n\r\n  indented\r\n\r\n').body).toBe('Line 1\n\n  indented');
    expect(parseMarkdown('---\n---\nonly body').data).toEqual({});
  });

  it('writes LF line ends whatever the body came with: CRLF and lone CR become LF, on import and on export', () => {
    const body = 'Step 1\r\nStep 2\rStep 3\n';
    expect(validateArticle({ slug: 'crlf', title: 'Line ends', body }).body).toBe('Step 1\nStep 2\nStep 3');
    expect(formatMarkdown({ title: 'Line ends' }, body)).toBe('---\ntitle: Line ends\n---\n\nStep 1\nStep 2\nStep 3\n');
    expect(parseMarkdown(formatMarkdown({ title: 'Line ends' }, body)).body).toBe('Step 1\nStep 2\nStep 3');
  });

  it('round-trips: export then import gives the same articles', () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/);
    const article = fc
      .record({
        title: fc.tuple(word, fc.string({ unit: 'grapheme', maxLength: 40 })).map(([w, t]) => `${w} ${t}`),
        body: fc.string({ unit: 'grapheme', maxLength: 200 }).filter((b) => !b.includes('\0')),
        category: word,
        tags: fc.array(word, { maxLength: 4 }),
        audience: fc.constantFrom('internal', 'public'),
        status: fc.constantFrom('draft', 'published'),
      })
      .map((raw) => validateArticle(raw));
    const bySlug = (a: ArticleInput, b: ArticleInput) => (a.slug < b.slug ? -1 : 1);
    fc.assert(
      fc.property(fc.uniqueArray(article, { selector: (a) => a.slug, minLength: 1, maxLength: 5 }), (articles) => {
        const dir = tempDir();
        writeMarkdownDir(dir, articles);
        expect(
          readMarkdownDir(dir)
            .map((f) => f.article)
            .sort(bySlug),
        ).toEqual([...articles].sort(bySlug));
      }),
      { numRuns: 80 },
    );
  });
});
