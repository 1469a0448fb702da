/**
 * Markdown's inline tokens (from marked's lexer) as styled runs: bold, italics, code, struck text,
 * links with their address, images as `[image: alt]`, hard breaks; inline HTML tags dropped and
 * entities decoded. Every run of text is sanitised after decoding (`&#27;` is no way in). Pure.
 */
import type { Token, Tokens } from 'marked';
import { sanitizeLine } from '../domain/sanitize.js';
import { seg, type Seg, type Style } from './styled-text.js';

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  laquo: '«',
  raquo: '»',
  larr: '←',
  rarr: '→',
  times: '×',
  deg: '°',
  middot: '·',
  bull: '•',
  euro: '€',
  pound: '£',
};

/** HTML entities to characters; an unknown name or an impossible number stays as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name[0] !== '#') return NAMED[name] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Text for the terminal: decoded, sanitised, soft line breaks as spaces. */
const clean = (text: string) => sanitizeLine(decodeEntities(text));

type Render = (token: Token, styles: readonly Style[]) => Seg[];

/** A token's text, or '' for the few that have none (a hard break). */
export const textOf = (t: Token): string => ('text' in t ? String(t.text ?? '') : '');

/** A link's address, unless it says nothing the text does not (autolinks, mailto:, #anchors). */
function address(href: string, text: string): Seg[] {
  const bare = href.replace(/^mailto:/, '');
  return href === '' || href.startsWith('#') || bare === text ? [] : [seg(` (${sanitizeLine(href)})`, 'dim')];
}

const INLINE: Record<string, Render> = {
  text: (t, st) => ('tokens' in t && t.tokens ? inline(t.tokens, st) : [seg(clean(textOf(t)), ...st)]),
  escape: (t, st) => [seg(sanitizeLine(textOf(t)), ...st)],
  strong: (t, st) => inline((t as Tokens.Strong).tokens, [...st, 'bold']),
  em: (t, st) => inline((t as Tokens.Em).tokens, [...st, 'italic']),
  del: (t, st) => inline((t as Tokens.Del).tokens, [...st, 'strike']),
  codespan: (t, st) => [seg(sanitizeLine(textOf(t)), ...st, 'code')],
  br: () => [seg('\n')],
  link: (t, st) => {
    const link = t as Tokens.Link;
    const text = inline(link.tokens, [...st, 'link']);
    return [...text, ...address(link.href, text.map((s) => s.text).join(''))];
  },
  image: (t, st) => {
    const image = t as Tokens.Image;
    return [seg(`[image: ${clean(image.text)}]`, ...st, 'dim'), ...address(image.href, '')];
  },
  // Tags are dropped (`<kbd>Ctrl</kbd>` reads Ctrl), a <br> breaks the line, comments vanish.
  html: (t) => (/^<br\s*\/?>$/i.test(textOf(t).trim()) ? [seg('\n')] : []),
};

/** Runs for a list of inline tokens, each inside `styles`. */
export function inline(tokens: readonly Token[], styles: readonly Style[] = []): Seg[] {
  return tokens.flatMap((t) => (INLINE[t.type] ?? INLINE.text!)(t, styles));
}

/**
 * A raw HTML block as paragraphs of runs: comments and tags removed, entities decoded, a <br> breaks
 * the line, blank lines part paragraphs (a `<div>` of prose, say).
 */
export function htmlParagraphs(html: string): Seg[][] {
  return html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/<br\s*\/?>/gi, '\u2028').replace(/<\/?[a-zA-Z][^>]*>/g, ''))
    .map((p) => p.split('\u2028').map(clean).join('\n').trim())
    .filter(Boolean)
    .map((p) => [seg(p)]);
}
