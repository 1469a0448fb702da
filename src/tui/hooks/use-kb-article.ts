/**
 * Answers for the KB screen: one article, fetched by id and rendered for the terminal with the CLI's
 * renderer (marked + marked-terminal, loaded on first use; it sanitises the Markdown and, without
 * colour, its own output), handed to the reducer (which works out how far it scrolls). The preview
 * waits for the selection to settle; reading full screen counts a view.
 */
import { useEffect, useRef } from 'react';
import type { KbArticle } from '../../store/kb.js';
import type { ShownArticle } from '../state/kb/types.js';
import type { StateAction } from '../state/types.js';
import { sgrOnly, wrapAnsi } from '../text/ansi-wrap.js';
import { useDeskQuery } from './use-desk-query.js';

export const PREVIEW_DELAY_MS = 60;

async function render(article: KbArticle, width: number, color: boolean): Promise<string[]> {
  const { renderMarkdown } = await import('../../io/markdown-render.js');
  // A body opening with the title as its heading would repeat the title bar: drop that line.
  const heading = /^#\s+(.*)\n*/.exec(article.body);
  const body = heading && heading[1]!.trim() === article.title.trim() ? article.body.slice(heading[0].length) : article.body;
  return renderMarkdown(body, { color, width })
    .replace(/^\s*\n/, '')
    .split('\n')
    .flatMap((l) => wrapAnsi(sgrOnly(l), width));
}

export function useKbArticle(id: number | null, width: number, color: boolean, full: boolean, dispatch: (a: StateAction) => void): void {
  const rendered = useRef(new Map<string, string[]>());
  /** The article whose full-screen reading was counted (once per opening, not per resize). */
  const viewed = useRef<number | null>(null);
  // Warm the renderer (marked, marked-terminal, its highlighter) while the first words are typed.
  useEffect(() => void import('../../io/markdown-render.js').catch(() => undefined), []);
  useEffect(() => {
    if (!full) viewed.current = null;
  }, [full]);
  useDeskQuery<ShownArticle>(
    id === null ? null : `${id}:${width}:${color}:${full}`,
    async (db) => {
      try {
        const { findArticle, recordView } = await import('../../store/kb.js');
        const article = await findArticle(db, id!);
        if (!article) return { id: id!, article: null, lines: [], error: `KB-${id} is gone` };
        if (full && viewed.current !== id) {
          viewed.current = id;
          await recordView(db, id!);
        }
        const key = `${id}:${article.version}:${width}:${color}`;
        let lines = rendered.current.get(key);
        if (!lines) {
          lines = await render(article, width, color);
          if (rendered.current.size > 50) rendered.current.clear();
          rendered.current.set(key, lines);
        }
        return { id: id!, article, lines, error: null };
      } catch (error) {
        return { id: id!, article: null, lines: [], error: (error as Error).message.split('\n')[0] ?? 'error' };
      }
    },
    { delayMs: full ? 0 : PREVIEW_DELAY_MS, live: true, onAnswer: (shown) => dispatch({ type: 'kbShown', shown }) },
  );
}
