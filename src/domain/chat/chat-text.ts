/**
 * Ticket text made inert for a chat message. Both formats first get one clean line (no escape
 * sequence, control, bidi override or invisible character: domain/sanitize.ts), capped in length.
 *
 * Slack (mrkdwn and the fallback text): `&`, `<`, `>` become entities, which also disarms every
 * `<!channel>`, `<@U123>`, `<#C1>`, `<!subteam^…>` and `<http://…|link>`; a bare `@here`, `@channel`
 * or `@everyone` gets a word joiner after the `@`, so no client reads it as a broadcast.
 *
 * Teams (Adaptive Card): titles and names go into TextRuns, which Adaptive Cards never read as
 * Markdown; what is left to disarm is `{{DATE(…)}}`/`{{TIME(…)}}` substitution and `<at>` mentions.
 */
import { sanitizeLine } from '../sanitize.js';

export const MAX_CHAT_TEXT = 1500;

const WORD_JOINER = '\u2060';

export function cleanChatLine(text: string | null | undefined, max = MAX_CHAT_TEXT): string {
  const line = sanitizeLine(text).trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

const SLACK_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** At most `max` characters once escaped (Slack counts the entities): an entity is never cut in two. */
export function slackText(text: string | null | undefined, max = MAX_CHAT_TEXT): string {
  const out = cleanChatLine(text, max)
    .replace(/[&<>]/g, (c) => SLACK_ENTITIES[c]!)
    .replace(/@(?=(?:here|channel|everyone)\b)/gi, `@${WORD_JOINER}`);
  return out.length <= max ? out : `${out.slice(0, max - 1).replace(/&[a-z]*$|@$/, '')}…`;
}

export function teamsText(text: string | null | undefined, max?: number): string {
  return cleanChatLine(text, max)
    .replace(/\{(?=\{)/g, `{${WORD_JOINER}`)
    .replace(/<(\/?)at\b/gi, `<${WORD_JOINER}$1at`);
}
