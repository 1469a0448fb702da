/**
 * The Slack incoming-webhook message for a chat event: Block Kit (a header, the title, the facts,
 * the detail) and a `text` fallback for notifications. Every piece of ticket text goes through
 * slackText (./chat-text.ts); the header is plain_text of our own words and the ticket's ref.
 */
import { slackText } from './chat-text.js';
import { factsLine, HEADLINE, type ChatEvent } from './event.js';

type Block = Record<string, unknown>;

/** Slack's limits: a header's text 150 characters, a section's 3000. */
const HEADER_MAX = 150;

export function slackPayload(e: ChatEvent): { text: string; blocks: Block[] } {
  const title = slackText(e.title, 1500);
  const head = `${HEADLINE[e.event]} · ${slackText(e.ref, 20)}`.slice(0, HEADER_MAX);
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: head, emoji: false } },
    { type: 'section', text: { type: 'mrkdwn', text: `*${slackText(e.ref, 20)}* ${title}` } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: slackText(factsLine(e), 1000) }] },
  ];
  if (e.detail) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: slackText(e.detail, 1000) } });
  return { text: `${head}: ${title}`, blocks };
}
