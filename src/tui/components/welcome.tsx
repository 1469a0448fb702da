/** An empty database: say so, and offer the first steps. */
import { Box, Text } from 'ink';
import { sanitizeLine } from '../../domain/sanitize.js';

export interface WelcomeProps {
  dbName: string;
  height: number;
  notice: string | null;
}

export function Welcome({ dbName, height, notice }: WelcomeProps) {
  return (
    <Box flexDirection="column" height={height} paddingLeft={2} paddingTop={1}>
      <Text bold>Welcome to Deskline.</Text>
      <Text wrap="truncate-end">{`${sanitizeLine(dbName)} has no tickets yet.`}</Text>
      <Text> </Text>
      <Text wrap="truncate-end">
        <Text bold>d</Text> load demo data (a few hundred tickets to explore)
      </Text>
      <Text wrap="truncate-end">
        <Text bold>n</Text> create the first ticket
      </Text>
      <Text wrap="truncate-end">
        <Text bold>?</Text> every key
      </Text>
      <Text wrap="truncate-end">
        <Text bold>q</Text> quit
      </Text>
      {notice && <Text> </Text>}
      {notice && <Text wrap="truncate-end">{notice}</Text>}
    </Box>
  );
}
