/**
 * Answers for the KB screen: one article, fetched by id and rendered for the terminal with the CLI's
 * renderer (text/article-lines.ts, loaded on first use; it sanitises the Markdown), handed to the
 * reducer (which works out how far it scrolls). The preview waits for the selection to settle;
 * reading full screen counts a view.
 */
import { useEffect, useRef } from 'react';
import type { ShownArticle } from '../state/kb/types.js';
import type { StateAction } from '../state/types.js';
import { useDeskQuery } from './use-desk-query.js';

export const PREVIEW_DELAY_MS = 60;

export function useKbArticle(id: number | null, width: number, color: boolean, full: boolean, dispatch: (a: StateAction) => void): void {
  const rendered = useRef(new Map<string, string[]>());
  /** The article whose full-screen reading was counted (once per opening, not per resize). */
  const viewed = useRef<number | null>(null);
  // Warm the renderer (marked and our layout) while the first words are typed.
  useEffect(() => void import('../text/article-lines.js').catch(() => undefined), []);
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
          const { articleLines } = await import('../text/article-lines.js');
          lines = articleLines(article, width, color);
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
