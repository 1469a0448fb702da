/**
 * One KB article, fetched by id and rendered for the terminal with the CLI's renderer (marked +
 * marked-terminal, loaded on first use; it sanitises the Markdown and, without colour, its own
 * output). The preview waits for the selection to settle; reading full screen counts a view.
 */
import { useEffect, useRef, useState } from 'react';
import type { Executor } from '../../store/executor.js';
import type { KbArticle } from '../../store/kb.js';
import { sgrOnly, wrapAnsi } from '../ansi-wrap.js';

export const PREVIEW_DELAY_MS = 60;

export interface ShownArticle {
  id: number;
  article: KbArticle | null;
  /** Rendered lines (ANSI styling only when colour is on); null while loading. */
  lines: string[] | null;
  error: string | null;
}

export function useKbArticle(db: Executor, id: number | null, width: number, color: boolean, full: boolean): ShownArticle | null {
  const [shown, setShown] = useState<ShownArticle | null>(null);
  const rendered = useRef(new Map<string, string[]>());
  /** The article whose full-screen reading was counted (once per opening, not per resize). */
  const viewed = useRef<number | null>(null);
  // Warm the renderer (marked, marked-terminal, its highlighter) while the first words are typed.
  useEffect(() => void import('../../io/markdown-render.js').catch(() => undefined), []);
  useEffect(() => {
    if (!full) viewed.current = null;
    if (id === null) return;
    let alive = true;
    const timer = setTimeout(
      async () => {
        try {
          const { findArticle, recordView } = await import('../../store/kb.js');
          const article = await findArticle(db, id);
          if (!article) return alive && setShown({ id, article: null, lines: [], error: `KB-${id} is gone` });
          if (full && viewed.current !== id) {
            viewed.current = id;
            await recordView(db, id);
          }
          const key = `${id}:${article.version}:${width}:${color}`;
          let lines = rendered.current.get(key);
          if (!lines) {
            const { renderMarkdown } = await import('../../io/markdown-render.js');
            // A body opening with the title as its heading would repeat the title bar: drop that line.
            const heading = /^#\s+(.*)\n*/.exec(article.body);
            const body = heading && heading[1]!.trim() === article.title.trim() ? article.body.slice(heading[0].length) : article.body;
            lines = renderMarkdown(body, { color, width })
              .replace(/^\s*\n/, '')
              .split('\n')
              .flatMap((l) => wrapAnsi(sgrOnly(l), width));
            if (rendered.current.size > 50) rendered.current.clear();
            rendered.current.set(key, lines);
          }
          if (alive) setShown({ id, article, lines, error: null });
        } catch (error) {
          if (alive) setShown({ id, article: null, lines: [], error: (error as Error).message.split('\n')[0] ?? 'error' });
        }
      },
      full ? 0 : PREVIEW_DELAY_MS,
    );
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [db, id, width, color, full]);
  if (id === null) return null;
  return shown?.id === id ? shown : { id, article: null, lines: null, error: null };
}
