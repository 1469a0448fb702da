/** Confluence export pages read and turned into Markdown: the parts, the macros, and hostile input. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageMarkdown } from '../../src/io/confluence-markdown.js';
import { PageError, pageIdOf, pageTitle, readPage } from '../../src/io/confluence-page.js';
import { categoryOf } from '../../src/io/confluence-export.js';

const page = (body: string, title = 'Desk : Reset a password', crumbs = '') =>
  `<html><head><title>${title}</title></head><body><ol id="breadcrumbs"><li><a href="index.html">Desk</a></li>${crumbs}</ol>
   <h1><span id="title-text"> ${title} </span></h1><div id="main-content" class="wiki-content">${body}</div></body></html>`;

describe('Confluence pages', () => {
  it('takes the page id from the file name, the title without the space name, the breadcrumbs without the index', () => {
    expect(pageIdOf('VPN-setup_9568346.html')).toBe('9568346');
    expect(pageIdOf('9273380.html')).toBe('9273380');
    expect(pageIdOf('index.html')).toBeNull();
    expect(pageTitle('Desk : Ports : 443 and 8443', 'Desk')).toBe('Ports : 443 and 8443');
    const read = readPage(
      'Reset_12.html',
      page('<p>x</p>', undefined, '<li><a href="Home_1.html">Home</a></li><li><a href="Accounts_2.html">Accounts</a></li>'),
      'Desk',
    );
    expect(read).toMatchObject({
      id: '12',
      title: 'Reset a password',
      ancestors: ['Home', 'Accounts'],
      ancestorFiles: ['Home_1.html', 'Accounts_2.html'],
    });
    expect(categoryOf(read)).toBe('accounts');
    expect(categoryOf({ title: 'Accounts', ancestors: ['Home'] })).toBe('accounts');
    expect(categoryOf({ title: 'Home', ancestors: [] })).toBe('general');
  });

  it('turns code macros, panels, tables and page links into Markdown; drops scripts and styles', () => {
    const html = page(`<script>alert(1)</script><style>p{}</style>
      <pre data-syntaxhighlighter-params="brush: bash; gutter: false">net user jdoe /domain</pre>
      <div class="confluence-information-macro confluence-information-macro-tip"><div class="confluence-information-macro-body"><p>Use the self-service portal.</p></div></div>
      <table><tr><th>Key</th><th>Value</th></tr><tr><td>a|b</td><td><a href="Unlock_13.html">unlock</a></td></tr></table>`);
    const md = pageMarkdown(readPage('Reset_12.html', html, 'Desk').body, (file) =>
      file === 'Unlock_13.html' ? 'unlock-an-account' : null,
    );
    expect(md).toBe(
      [
        '```bash\nnet user jdoe /domain\n```',
        '> **Tip:** Use the self-service portal.',
        '| Key | Value |\n| --- | --- |\n| a\\|b | [unlock](kb:unlock-an-account) |',
      ].join('\n\n'),
    );
  });

  it('refuses what is not an exported page with a reason', () => {
    expect(() => readPage('index.html', page('x'), null)).toThrow(/file name does not end with a page id/);
    expect(() => readPage('A_1.html', '<p>no body</p>', null)).toThrow(/no page body/);
    expect(() => readPage('A_1.html', page('x', ''), null)).toThrow(/no title/);
    expect(() => readPage('A_1.html', 'a\u0000b', null)).toThrow(/NUL/);
  });

  it('never fails on any markup with anything but a PageError (property)', () => {
    const fragment = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '<div',
        '</td>',
        '<table><tr>',
        '<pre data-syntaxhighlighter-params="',
        '<a href="x_1.html">',
        '&#0;',
        '<!--',
        ']]>',
        '\u001b[31m',
      ),
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 30 }), fc.boolean(), (parts, wrap) => {
        const html = wrap ? page(parts.join('')) : parts.join('');
        try {
          const read = readPage('P_1.html', html, 'Desk');
          expect(typeof pageMarkdown(read.body, () => 'slug')).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(PageError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
