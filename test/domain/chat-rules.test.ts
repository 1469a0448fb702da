/** Chat rules read from settings, webhook URLs checked without repeating them, and what an answer means. */
import { describe, expect, it } from 'vitest';
import { chatRules } from '../../src/domain/chat/rules.js';
import { checkWebhookUrl, withoutUrl } from '../../src/domain/chat/webhook-url.js';
import { outcomeOfError, outcomeOfStatus } from '../../src/domain/chat/post-outcome.js';

describe('chatRules', () => {
  it('reads events to channels and each channel, from flattened settings', () => {
    const rules = chatRules(
      {
        'chat.on.sla.breach': 'oncall, desk ,oncall',
        'chat.on.escalated': ['desk'],
        'chat.on.assigned.me': 'bad name!',
        'chat.channel.oncall.kind': 'slack',
        'chat.channel.oncall.url_env': 'ONCALL_HOOK',
        'chat.channel.desk.kind': 'teams',
        'chat.channel.desk.url_file': '/etc/desk-hook',
        'chat.channel.odd.kind': 'irc',
      },
      'Ana@Example.com',
    );
    expect(rules).toEqual({
      on: { 'sla.breach': ['oncall', 'desk'], escalated: ['desk'] },
      channels: {
        oncall: { name: 'oncall', kind: 'slack', urlEnv: 'ONCALL_HOOK', urlFile: null },
        desk: { name: 'desk', kind: 'teams', urlEnv: null, urlFile: '/etc/desk-hook' },
        odd: { name: 'odd', kind: null, urlEnv: null, urlFile: null },
      },
      me: 'ana@example.com',
    });
  });

  it('is null when no event has a channel', () => {
    expect(chatRules({ 'chat.channel.x.kind': 'slack', 'user.name': 'Ana' }, 'a@b')).toBeNull();
  });
});

describe('checkWebhookUrl', () => {
  it.each([
    ['https://hooks.slack.com/services/T0/B0/xyz', true],
    ['  https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=s3cret\n', true],
    ['http://127.0.0.1:8080/hook', true],
    ['http://hooks.slack.com/services/T0', false],
    ['ftp://example.com/x', false],
    ['hooks.slack.com/services/T0', false],
    ['https://user:pw@example.com/x', false],
    ['https://a.example/x https://b.example/y', false],
    ['', false],
  ])('%j → %s', (raw, ok) => {
    const checked = checkWebhookUrl(raw);
    expect(checked.ok).toBe(ok);
    if (!checked.ok && raw.trim()) expect(checked.reason).not.toContain(raw.trim().slice(0, 12));
  });

  it('blots the URL and its token path out of a message', () => {
    const url = new URL('https://hooks.slack.com/services/T0/B0/tok3n');
    expect(withoutUrl(`POST ${url.href} failed at /services/T0/B0/tok3n`, url)).toBe('POST <webhook> failed at /…');
  });
});

describe('outcome of a POST', () => {
  it.each([
    [200, { delivered: true }],
    [302, { delivered: false, permanent: true, message: 'HTTP 302: no text' }],
    [408, { delivered: false, permanent: false, message: 'HTTP 408: no text' }],
    [202, { delivered: true }],
    [400, { delivered: false, permanent: true, message: 'HTTP 400: no text' }],
    [404, { delivered: false, permanent: true, message: 'HTTP 404: no text' }],
    [429, { delivered: false, permanent: false, message: 'HTTP 429: no text' }],
    [500, { delivered: false, permanent: false, message: 'HTTP 500: no text' }],
    [503, { delivered: false, permanent: false, message: 'HTTP 503: no text' }],
  ])('%i', (status, expected) => {
    expect(outcomeOfStatus(status, 'no\n text')).toEqual(expected);
  });

  it('takes a network failure or a timeout as worth another try', () => {
    expect(outcomeOfError(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }))).toEqual({
      delivered: false,
      permanent: false,
      message: 'connection refused',
    });
    expect(outcomeOfError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }))).toMatchObject({
      message: 'connection refused',
    });
    expect(outcomeOfError(new DOMException('signal timed out', 'TimeoutError'))).toEqual({
      delivered: false,
      permanent: false,
      message: 'timed out',
    });
  });
});
