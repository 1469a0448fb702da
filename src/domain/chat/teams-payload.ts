/**
 * The Microsoft Teams message for a Workflows ("Post to a channel when a webhook request is
 * received") webhook: a message with one Adaptive Card attachment. The headline is a TextBlock of
 * our own words and the ticket's ref; everything a person typed (title, names, reasons) goes into
 * RichTextBlock TextRuns, which Adaptive Cards show as plain text, through teamsText (./chat-text.ts).
 */
import { teamsText } from './chat-text.js';
import { factsLine, HEADLINE, type ChatEvent } from './event.js';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

const run = (text: string, extra: Record<string, unknown> = {}) => ({
  type: 'RichTextBlock',
  inlines: [{ type: 'TextRun', text, ...extra }],
});

export function teamsPayload(e: ChatEvent) {
  const body: Record<string, unknown>[] = [
    { type: 'TextBlock', text: `${HEADLINE[e.event]} · ${teamsText(e.ref, 20)}`, weight: 'Bolder', size: 'Medium', wrap: true },
    run(teamsText(e.title)),
    run(teamsText(factsLine(e), 1000), { isSubtle: true }),
  ];
  if (e.detail) body.push(run(teamsText(e.detail, 1000)));
  return {
    type: 'message',
    attachments: [
      {
        contentType: ADAPTIVE_CARD,
        contentUrl: null,
        content: { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4', body },
      },
    ],
  };
}
