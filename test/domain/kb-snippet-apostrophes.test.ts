/** Snippets keep the article's apostrophes (issue 13 #9) without guessing where a word is written both ways. */
import { describe, expect, it } from 'vitest';
import { restoreApostrophes } from '../../src/domain/kb-snippet.js';
import { indexText, markdownToPlain } from '../../src/domain/kb-text.js';

const restore = (snippet: string, body: string) => restoreApostrophes(snippet, indexText(markdownToPlain(body)), body);

describe('restoreApostrophes', () => {
  it('puts back what the index dropped, in the form the article wrote', () => {
    expect(restore('«VPN» wont connect', "**VPN** won't connect")).toBe("«VPN» won't connect");
    expect(restore('Outlooks cache', 'Outlook’s cache')).toBe('Outlook’s cache');
  });

  it('leaves a word written both ways alone, and text without apostrophes untouched', () => {
    expect(restore('its cable and its fine', "its cable and it's fine")).toBe('its cable and its fine');
    expect(restore('cant print', 'cant print')).toBe('cant print');
  });
});
