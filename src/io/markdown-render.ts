/**
 * Markdown for a terminal, for `kb show` and the console's KB reader alike: marked's lexer, then our
 * own layout of its tokens at a given width. Paragraphs and list items wrap at spaces (a list item
 * hangs under its text), ordered lists keep their numbers (`4.` stays `4.`), tables keep their box
 * lines (markdown-table.ts), code keeps its lines. The source is sanitised before it is read and
 * every run of text after (no escape sequence in an article reaches the terminal); colour is SGR
 * from styled-text.ts, none without it.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import { sanitizeLine, sanitizeText } from '../domain/sanitize.js';
import { htmlParagraphs, inline, textOf } from './markdown-inline.js';
import { renderTable } from './markdown-table.js';
import { prefix, seg, wrap, write, type Line } from './styled-text.js';

export interface RenderOptions {
  color: boolean;
  width: number;
}

/** Narrower than this, text is laid out at this width anyway (and the terminal wraps it). */
const MIN_WIDTH = 20;
/** Bullets by depth. */
const BULLETS = ['•', '◦', '▪'];
/** A top-level list's indent. */
const LIST_INDENT = 2;
/** Code's indent. */
const CODE_INDENT = '  ';

interface Ctx {
  /** How deep in lists (the bullet to use, and whether to indent). */
  depth: number;
}

type Block = (token: Token, width: number, ctx: Ctx) => Line[];

function list(token: Tokens.List, width: number, ctx: Ctx): Line[] {
  const first = token.ordered ? (typeof token.start === 'number' ? token.start : 1) : 0;
  const numbers = token.items.map((_, i) => `${first + i}.`);
  const numberSize = Math.max(...numbers.map((n) => n.length));
  // A task's box is part of its marker, so its text hangs under the text, not under the box.
  const markers = token.items.map(
    (item, i) =>
      (token.ordered ? numbers[i]!.padStart(numberSize) : BULLETS[ctx.depth % BULLETS.length]!) +
      (item.task ? (item.checked ? ' [x]' : ' [ ]') : ''),
  );
  const size = Math.max(...markers.map((m) => m.length));
  const indent = ctx.depth === 0 ? LIST_INDENT : 0;
  const hang = [seg(' '.repeat(indent + size + 1))];
  const loose = token.loose || token.items.some((it) => it.loose);
  return token.items.flatMap((item, i) => {
    const body = blocks(item.tokens, width - indent - size - 1, { depth: ctx.depth + 1 }, !loose);
    const lines = prefix(body.length ? body : [[]], [seg(' '.repeat(indent) + markers[i]!.padEnd(size) + ' ')], hang);
    return loose && i > 0 ? [[], ...lines] : lines;
  });
}

const paragraph: Block = (t, width) => wrap(inline((t as Tokens.Paragraph).tokens), width);

const BLOCKS: Record<string, Block> = {
  paragraph,
  text: (t, width) => wrap('tokens' in t && t.tokens ? inline(t.tokens) : [seg(sanitizeLine(textOf(t)))], width),
  heading: (t, width) => {
    const h = t as Tokens.Heading;
    const mark = '#'.repeat(h.depth) + ' ';
    const lines = wrap(inline(h.tokens, ['heading']), width - mark.length);
    return prefix(lines, [seg(mark, 'heading')], [seg(' '.repeat(mark.length))]);
  },
  list: (t, width, ctx) => list(t as Tokens.List, width, ctx),
  blockquote: (t, width, ctx) => blocks((t as Tokens.Blockquote).tokens, width - 2, ctx).map((l) => [seg('│ ', 'dim'), ...l]),
  code: (t) =>
    sanitizeText((t as Tokens.Code).text)
      .split('\n')
      .map((l) => [seg(CODE_INDENT), seg(l, 'code')]),
  table: (t, width) => renderTable(t as Tokens.Table, width),
  hr: (_t, width) => [[seg('─'.repeat(width), 'dim')]],
  html: (t, width) => htmlParagraphs(textOf(t)).flatMap((p, i) => [...(i ? [[]] : []), ...wrap(p, width)]),
  space: () => [],
  def: () => [],
};

/** Blocks one after another: apart by a blank line, or together inside a tight list item. */
function blocks(tokens: readonly Token[], width: number, ctx: Ctx, tight = false): Line[] {
  const out: Line[] = [];
  for (const t of tokens) {
    const lines = (BLOCKS[t.type] ?? BLOCKS.text!)(t, Math.max(1, width), ctx);
    if (lines.length === 0) continue;
    if (out.length && !tight) out.push([]);
    out.push(...lines);
  }
  return out;
}

export function renderMarkdown(markdown: string, options: RenderOptions): string {
  const tokens = Lexer.lex(sanitizeText(markdown), { gfm: true });
  return blocks(tokens, Math.max(MIN_WIDTH, options.width), { depth: 0 })
    .map((l) => write(l, options.color).trimEnd())
    .join('\n');
}
