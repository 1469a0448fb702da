/**
 * Markdown for a terminal with marked + marked-terminal. Loaded only by `kb show` (through a
 * dynamic import): the CLI's other paths never pay for marked or its highlighter.
 * The source is sanitised before rendering (no escape sequence in an article reaches the
 * terminal); without colour the renderer's own styling is stripped too.
 */
import { Marked } from 'marked';
import { markedTerminal } from 'marked-terminal';
import { sanitizeText } from '../domain/sanitize.js';

export interface RenderOptions {
  color: boolean;
  width: number;
}

export function renderMarkdown(markdown: string, options: RenderOptions): string {
  const marked = new Marked();
  marked.use(markedTerminal({ width: Math.max(40, options.width), reflowText: true, emoji: false, tab: 2 }));
  // marked-terminal 7 prints a tight list item's text raw with marked ≥ 13 (`**bold**` stays as is:
  // marked-terminal issues #304, #371): render its inline tokens, fall back to it otherwise.
  marked.use({
    renderer: {
      text(token) {
        return 'tokens' in token && token.tokens ? this.parser.parseInline(token.tokens) : false;
      },
    },
  });
  const out = marked.parse(sanitizeText(markdown), { async: false });
  // marked-terminal styles with chalk; plain text when colour is off (and never a stray control).
  return (options.color ? out : sanitizeText(out)).replace(/\n{3,}/g, '\n\n').trimEnd();
}
