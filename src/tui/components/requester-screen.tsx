/**
 * `u`: the selected ticket's requester fills the body — contact and notes, open tickets, assets,
 * past tickets. Read off the keystroke path (useDeskQuery) and again when the desk changes.
 */
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { profileOfTicket } from '../../store/requester-profile.js';
import { useColor } from '../hooks/console-context.js';
import { useDeskQuery } from '../hooks/use-desk-query.js';
import { requesterLines } from '../text/requester-lines.js';
import { fit } from '../text/text.js';

export interface RequesterScreenProps {
  ticketId: number;
  ticketRef: string;
  width: number;
  height: number;
  now: number;
}

export function RequesterScreen({ ticketId, ticketRef, width, height, now }: RequesterScreenProps) {
  const color = useColor();
  const profile = useDeskQuery(`requester:${ticketId}`, (db) => profileOfTicket(db, ticketId), { live: true });
  const lines = useMemo(
    () =>
      profile === undefined
        ? [{ text: 'Loading…', dim: true }]
        : profile === null
          ? [{ text: `${ticketRef} has no requester.`, dim: true }]
          : requesterLines(profile, width, now),
    [profile, width, now, ticketRef],
  );
  const shown = lines.slice(0, Math.max(0, height - 1));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text inverse wrap="truncate-end">
        {fit(` Requester · ${ticketRef}`, width)}
      </Text>
      {shown.map((l, i) => (
        <Text key={i} wrap="truncate-end" bold={'bold' in l && l.bold} dimColor={l.dim} color={color('color' in l ? l.color : undefined)}>
          {l.text}
        </Text>
      ))}
      {shown.length < height - 1 && <Box height={height - 1 - shown.length} />}
    </Box>
  );
}
