/** The `/` filter box: typed text, a debounced parse, and the error inline under the box. */
import { Text } from 'ink';
import { useEffect } from 'react';
import { parseQuery, QueryError } from '../../domain/query.js';
import { sanitizeLine } from '../../domain/sanitize.js';
import { useColor, useConsole } from '../hooks/console-context.js';
import { truncate, width as cells } from '../text/text.js';

export const FILTER_DEBOUNCE_MS = 120;

export interface FilterBarProps {
  text: string;
  live: string;
  error: { message: string; column: number } | null;
  editing: boolean;
  width: number;
}

/** Parses the filter text: null when it is valid, else the error and its column. */
function check(text: string): { message: string; column: number } | null {
  try {
    parseQuery(text);
    return null;
  } catch (error) {
    if (error instanceof QueryError) return { message: error.message, column: error.column };
    return { message: (error as Error).message, column: 1 };
  }
}

const PROMPT = ' / ';

export function FilterBar({ text, live, error, editing, width }: FilterBarProps) {
  const { dispatch } = useConsole();
  const color = useColor();
  useEffect(() => {
    if (!editing) return;
    const timer = setTimeout(() => dispatch({ type: 'filterSettled', text, error: check(text) }), FILTER_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [editing, text, dispatch]);

  const shown = sanitizeLine(editing ? text : live);
  const room = Math.max(1, width - PROMPT.length - 1);
  const visible = cells(shown) > room ? `…${[...shown].slice(-(room - 1)).join('')}` : shown;
  return (
    <>
      <Text wrap="truncate-end" dimColor={!editing}>
        <Text bold>{PROMPT}</Text>
        {visible}
        {editing ? <Text inverse> </Text> : ''}
      </Text>
      {editing && error && (
        <Text wrap="truncate-end" color={color('red')}>
          {truncate(
            `${' '.repeat(Math.min(PROMPT.length + error.column - 1, Math.max(0, width - 20)))}^ ${sanitizeLine(error.message)}`,
            width,
          )}
        </Text>
      )}
    </>
  );
}
