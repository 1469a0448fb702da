/** Pieces every dialog uses: a title bar, a question line, blank filler; all exactly one line wide. */
import { Box, Text } from 'ink';
import { sanitizeLine } from '../../domain/sanitize.js';
import { fit } from '../text/text.js';

export function TitleBar({ title, width, right = '' }: { title: string; width: number; right?: string }) {
  return (
    <Text inverse wrap="truncate-end">
      {fit(` ${sanitizeLine(title)}`, Math.max(0, width - right.length))}
      {right}
    </Text>
  );
}

export function AskLine({ question, width }: { question: string; width: number }) {
  return (
    <Text bold wrap="truncate-end">
      {fit(` ${sanitizeLine(question)}  y/⏎ yes · n/Esc no`, width)}
    </Text>
  );
}

export function Filler({ lines }: { lines: number }) {
  return lines > 0 ? <Box height={lines} /> : null;
}
