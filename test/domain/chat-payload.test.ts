/**
 * The Slack and Teams messages built for chat notifications: their shape, and over hostile titles
 * (escapes, controls, bidi, mention syntax, markup) that nothing a person typed can mention a whole
 * channel, link, format or reach a terminal, while the words themselves survive.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanChatLine, slackText, teamsText } from '../../src/domain/chat/chat-text.js';
import type { ChatEvent } from '../../src/domain/chat/event.js';
import { slackPayload } from '../../src/domain/chat/slack-payload.js';
import { ADAPTIVE_CARD, teamsPayload } from '../../src/domain/chat/teams-payload.js';
import { hostileText, unsafeIn } from '../helpers/hostile-text.js';

const CHAT_PIECES = [
  '<!channel>',
  '<!here>',
  '<@U123ABC>',
  '<#C42|general>',
  '<!subteam^S1>',
  '@here',
  '@channel',
  '@everyone',
  '&',
  '&amp;',
  '&lt;',
  '<',
  '>',
  '<https://evil.example|click>',
  '*bold*',
  '_i_',
  '`code`',
  '{{DATE(2017-02-14T06:08:39Z, SHORT)}}',
  '<at>Ana</at>',
  '[x](https://evil.example)',
  '# h',
  '\\',
  '"',
  '\u2060',
];
const hostileTitle = fc.array(fc.oneof(hostileText, fc.constantFrom(...CHAT_PIECES)), { maxLength: 8 }).map((p) => p.join(''));

const event = (title: string, extra: Partial<ChatEvent> = {}): ChatEvent => ({
  event: 'ticket.created.urgent',
  ref: 'HD-7',
  title,
  priority: 'urgent',
  status: 'new',
  tier: 'L1',
  assignee: null,
  group: null,
  actor: 'Sam Okafor',
  detail: null,
  ...extra,
});

/** Every string inside a JSON value. */
const strings = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(strings) : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : [];

const unslack = (s: string) =>
  s
    .replace(/\u2060/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('slack payload', () => {
  it('is Block Kit: a header, the title, the facts, and a fallback text', () => {
    const p = slackPayload(event('VPN down for <!channel> & @here', { assignee: 'Ana <@U1>', detail: 'L1 → L2: <b>' }));
    expect(p.blocks.map((b) => b.type)).toEqual(['header', 'section', 'context', 'section']);
    expect(p.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Urgent ticket · HD-7', emoji: false } });
    expect(p.blocks[1]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '*HD-7* VPN down for &lt;!channel&gt; &amp; @\u2060here' },
    });
    expect(JSON.stringify(p.blocks[2])).toContain('assignee Ana &lt;@U1&gt;');
    expect(p.text).toBe('Urgent ticket · HD-7: VPN down for &lt;!channel&gt; &amp; @\u2060here');
  });

  it('never lets a hostile title mention, link or reach a terminal, and keeps its words', () => {
    fc.assert(
      fc.property(hostileTitle, hostileTitle, (title, name) => {
        const p = slackPayload(event(title, { assignee: name, detail: name }));
        for (const s of strings(p)) {
          expect(s).not.toMatch(/[<>]/);
          expect(s).not.toMatch(/&(?!amp;|lt;|gt;)/);
          expect(s).not.toMatch(/@(here|channel|everyone)\b/i);
          expect(unsafeIn(s.replace(/\u2060/g, ''), false)).toBeNull();
        }
        expect(unslack(slackText(title))).toBe(cleanChatLine(title).replace(/\u2060/g, ''));
      }),
      { numRuns: 400 },
    );
  });
});

describe('chat text', () => {
  it('stays within Slack limits once escaped, never cutting an entity', () => {
    const out = slackText('&'.repeat(3000), 1500);
    expect(out.length).toBeLessThanOrEqual(1500);
    expect(out).toMatch(/^(&amp;)+…$/);
    expect(slackText('a@here', 1500)).toBe('a@\u2060here');
  });

  it('breaks every {{ of a run of braces for Teams', () => {
    expect(teamsText('{{{x}}}')).not.toContain('{{');
  });
});

describe('teams payload', () => {
  it('is a message with one Adaptive Card whose ticket text sits in TextRuns', () => {
    const p = teamsPayload(event('**Printer** {{DATE(2017-02-14T06:08:39Z)}} <at>Ana</at>', { event: 'escalated', detail: 'L1 → L2' }));
    expect(p.type).toBe('message');
    expect(p.attachments).toHaveLength(1);
    const [a] = p.attachments;
    expect(a!.contentType).toBe(ADAPTIVE_CARD);
    expect(a!.content.type).toBe('AdaptiveCard');
    const body = a!.content.body;
    expect(body[0]).toMatchObject({ type: 'TextBlock', text: 'Escalated · HD-7' });
    expect(body[1]).toEqual({
      type: 'RichTextBlock',
      inlines: [{ type: 'TextRun', text: '**Printer** {\u2060{DATE(2017-02-14T06:08:39Z)}} <\u2060at>Ana<\u2060/at>' }],
    });
    expect(body).toHaveLength(4);
  });

  it('keeps hostile text out of Markdown, substitution and mentions', () => {
    fc.assert(
      fc.property(hostileTitle, hostileTitle, (title, name) => {
        const p = teamsPayload(event(title, { assignee: name, group: name, detail: name }));
        const [head, ...runs] = p.attachments[0]!.content.body as {
          type: string;
          text?: string;
          inlines?: { type: string; text: string }[];
        }[];
        expect(head!.text).toBe('Urgent ticket · HD-7');
        for (const r of runs) expect(r.inlines!.every((i) => i.type === 'TextRun')).toBe(true);
        for (const s of strings(runs)) {
          expect(s).not.toContain('{{');
          expect(s).not.toMatch(/<\/?at\b/i);
          expect(unsafeIn(s.replace(/\u2060/g, ''), false)).toBeNull();
        }
        expect(teamsText(title).replace(/\u2060/g, '')).toBe(cleanChatLine(title).replace(/\u2060/g, ''));
      }),
      { numRuns: 400 },
    );
  });
});
