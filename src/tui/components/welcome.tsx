/**
 * A desk without tickets: say so (and what it does hold: KB articles), offer the first steps, and ask
 * before loading demo data, saying how many tickets it makes and into which file.
 */
import { Box, Text } from 'ink';
import { sanitizeLine } from '../../domain/sanitize.js';
import { welcomeText } from '../text/welcome-text.js';

export interface WelcomeProps {
  dbName: string;
  height: number;
  notice: string | null;
  /** How many tickets `d` loads (none: demo data is not offered). */
  demoTickets: number | null;
  /** The demo question is open. */
  asking: boolean;
  /** KB articles the desk holds. */
  articles: number;
}

export function Welcome({ dbName, height, notice, demoTickets, asking, articles }: WelcomeProps) {
  const t = welcomeText(sanitizeLine(dbName), articles, demoTickets);
  return (
    <Box flexDirection="column" height={height} paddingLeft={2} paddingTop={1} overflow="hidden">
      <Text bold>Welcome to Deskline.</Text>
      <Text wrap="truncate-end">{t.holds}</Text>
      {asking && t.notEmpty && <Text wrap="truncate-end">{t.notEmpty}</Text>}
      {asking && (
        <Text bold wrap="truncate-end">
          {t.question}
        </Text>
      )}
      <Text> </Text>
      {t.keys.map(([key, what]) => (
        <Text key={key} wrap="truncate-end">
          <Text bold>{key}</Text> {what}
        </Text>
      ))}
      {!asking && notice && <Text> </Text>}
      {!asking && notice && <Text wrap="truncate-end">{notice}</Text>}
    </Box>
  );
}
