/**
 * An article as the KB shows it: beside the results (preview, its top only) or full screen (scrolled
 * with j/k, Space, g/G; how far is the reducer's to say). Exactly `height` lines.
 */
import { Box, Text } from 'ink';
import { sanitizeLine } from '../../domain/sanitize.js';
import type { ShownArticle } from '../state/kb/types.js';
import { articleMeta, kbRef } from '../text/kb-lines.js';
import { fit } from '../text/text.js';
import { Filler } from './dialog-parts.js';

export interface KbPreviewProps {
  shown: ShownArticle | null;
  width: number;
  height: number;
  /** Full screen: the scroll position. */
  full?: { scroll: number } | null;
}

export function KbPreview({ shown, width, height, full = null }: KbPreviewProps) {
  const a = shown?.article ?? null;
  const body = Math.max(0, height - 2);
  const lines = shown?.lines ?? null;
  const max = lines ? Math.max(0, lines.length - body) : 0;
  const top = full ? Math.min(full.scroll, max) : 0;
  const slice = lines ? lines.slice(top, top + body) : [];
  const where = full && lines && lines.length > body ? ` ${top + 1}-${top + slice.length}/${lines.length} ` : '';
  const title = a
    ? `${full ? '' : 'Preview · '}${kbRef(a.id)} · ${sanitizeLine(a.title)}`
    : shown
      ? `${full ? '' : 'Preview · '}${kbRef(shown.id)}`
      : 'Preview';
  const status = !shown ? 'Nothing selected' : shown.error ? shown.error : !lines ? 'Loading…' : null;
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text wrap="truncate-end" inverse={full !== null} dimColor={full === null} bold={full === null}>
        {fit(` ${title}`, Math.max(0, width - where.length))}
        {where}
      </Text>
      <Text wrap="truncate-end" dimColor>
        {a ? ` ${articleMeta(a)}` : ' '}
      </Text>
      {status ? (
        <Text dimColor wrap="truncate-end">{` ${status}`}</Text>
      ) : (
        slice.map((l, i) => <Text key={top + i} wrap="truncate-end">{` ${l}`}</Text>)
      )}
      <Filler lines={body - (status ? 1 : slice.length)} />
    </Box>
  );
}
