/**
 * A KB article's body as the console's reader and preview draw it: the CLI's renderer (`kb show`
 * prints the same text), without a first heading that repeats the title bar, each line wrapped to
 * the width (code lines are the only ones that can be longer). Pure; loaded on first use.
 */
import { renderMarkdown } from '../../io/markdown-render.js';
import { sgrOnly, wrapAnsi } from './ansi-wrap.js';

export function articleLines(article: { title: string; body: string }, width: number, color: boolean): string[] {
  const heading = /^#\s+(.*)\n*/.exec(article.body);
  const body = heading && heading[1]!.trim() === article.title.trim() ? article.body.slice(heading[0].length) : article.body;
  return renderMarkdown(body, { color, width })
    .replace(/^\s*\n/, '')
    .split('\n')
    .flatMap((l) => wrapAnsi(sgrOnly(l), width));
}
