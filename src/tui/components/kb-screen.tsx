/**
 * The KB screen (`K`): a search box that searches as you type, the results with their snippets, and
 * the selected article rendered beside them (wide) or below them (narrow; hidden when short). Enter
 * reads an article full screen. Fills the body; its keys go to the reducer like every pane's.
 */
import { Box, Text } from 'ink';
import { sanitizeLine } from '../../domain/sanitize.js';
import { useConsole } from '../hooks/console-context.js';
import { useKbArticle } from '../hooks/use-kb-article.js';
import type { KbState } from '../state/kb/types.js';
import { fit, truncate, width as cells } from '../text/text.js';
import { KbPreview } from './kb-preview.js';
import { KbResults, LINES_PER_RESULT } from './kb-results.js';

export const KB_WIDE_FROM = 100;
/** Below this many body lines a narrow screen shows no preview. */
const PREVIEW_FROM = 14;
const READ_WIDTH = 100;

export interface KbScreenProps {
  kb: KbState;
  width: number;
  height: number;
}

/** Lines for the list and the preview: side by side from KB_WIDE_FROM columns, else stacked. */
export function kbLayout(width: number, height: number, results: number) {
  const body = Math.max(1, height - 1);
  if (width >= KB_WIDE_FROM) {
    const listWidth = Math.floor(width * 0.45);
    return { wide: true, listWidth, listHeight: body, previewWidth: width - listWidth - 3, previewHeight: body };
  }
  if (body < PREVIEW_FROM) return { wide: false, listWidth: width, listHeight: body, previewWidth: width, previewHeight: 0 };
  const listHeight = Math.max(2 * LINES_PER_RESULT, Math.min(results * LINES_PER_RESULT, Math.floor(body * 0.45)));
  return { wide: false, listWidth: width, listHeight, previewWidth: width, previewHeight: body - listHeight };
}

function SearchLine({ kb, width }: { kb: KbState; width: number }) {
  const boxFocused = kb.focus === 'box';
  const typedWords = kb.query.trim().toLowerCase().split(/\s+/).join(' ');
  const state =
    kb.query.trim() === ''
      ? 'type a few words'
      : kb.query !== kb.answered
        ? 'searching…'
        : kb.error
          ? `error: ${kb.error}`
          : kb.results.length === 0
            ? 'no articles match'
            : `${kb.results.length} result${kb.results.length === 1 ? '' : 's'}`;
  const corrected =
    kb.query === kb.answered && kb.searched.length && kb.searched.join(' ') !== typedWords ? ` · searched: ${kb.searched.join(' ')}` : '';
  const right = truncate(sanitizeLine(`${state}${corrected} `), Math.floor(width / 2));
  const label = ` KB search › `;
  const room = Math.max(1, width - cells(label) - cells(right) - 1);
  const text = sanitizeLine(kb.query);
  const visible = cells(text) >= room ? `…${[...text].slice(-(room - 2)).join('')}` : text;
  return (
    <Text wrap="truncate-end">
      <Text bold={boxFocused} dimColor={!boxFocused}>
        {label}
      </Text>
      {visible}
      {boxFocused ? <Text inverse> </Text> : ' '}
      {' '.repeat(Math.max(0, room - cells(visible)))}
      <Text dimColor>{right}</Text>
    </Text>
  );
}

function Hint({ width, height }: { width: number; height: number }) {
  const lines = [
    'Search titles, tags and text: prefixes, synonyms and typos work (pritner jam).',
    '↑/↓ move · Tab to the results (j/k) · ⏎ read full screen · L link to the ticket · Esc back',
  ];
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {lines.slice(0, height).map((l) => (
        <Text key={l} dimColor wrap="truncate-end">
          {fit(` ${l}`, width)}
        </Text>
      ))}
    </Box>
  );
}

export function KbScreen({ kb, width, height }: KbScreenProps) {
  const { color, dispatch } = useConsole();
  const full = kb.screen === 'article' && kb.article !== null;
  const lay = kbLayout(width, height, kb.results.length);
  const previewOn = full || lay.previewHeight > 0;
  const selectedId = full ? kb.article!.id : previewOn ? (kb.results[kb.sel]?.id ?? null) : null;
  const renderWidth = full ? Math.min(width - 2, READ_WIDTH) : lay.previewWidth - 2;
  useKbArticle(selectedId, renderWidth, color, full, dispatch);
  const shown =
    selectedId === null ? null : kb.shown?.id === selectedId ? kb.shown : { id: selectedId, article: null, lines: null, error: null };
  if (full) return <KbPreview shown={shown} width={width} height={height} full={{ scroll: kb.article!.scroll }} />;
  const body = height - 1;
  const list = kb.results.length ? (
    <KbResults results={kb.results} sel={kb.sel} width={lay.listWidth} height={lay.listHeight} focused={kb.focus === 'list'} />
  ) : (
    <Hint width={lay.listWidth} height={lay.listHeight} />
  );
  return (
    <Box flexDirection="column" width={width} height={height}>
      <SearchLine kb={kb} width={width} />
      {lay.wide ? (
        <Box flexDirection="row" height={body}>
          {list}
          <Box width={3} height={body} flexDirection="column">
            <Text dimColor>{Array.from({ length: body }, () => ' │ ').join('\n')}</Text>
          </Box>
          <KbPreview shown={shown} width={lay.previewWidth} height={body} />
        </Box>
      ) : (
        <Box flexDirection="column" height={body}>
          {list}
          {lay.previewHeight > 0 && <KbPreview shown={shown} width={lay.previewWidth} height={lay.previewHeight} />}
        </Box>
      )}
    </Box>
  );
}
