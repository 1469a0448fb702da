import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeDelivery } from '../../src/domain/delivery-error.js';
import { isMailAddress, messageIdDomain, newMessageId, replySubject, threadHeaders } from '../../src/domain/mail-message.js';
import { afterFailure, MAX_ATTEMPTS, MAX_RETRY_MS, retryDelay } from '../../src/domain/outbox-schedule.js';

describe('outgoing mail', () => {
  it('tells addresses from what is not one', () => {
    for (const good of ['ana@example.com', 'a.b+desk@mail.example.co.uk', 'x_y@sub-domain.example.org'])
      expect(isMailAddress(good)).toBe(true);
    for (const bad of [
      '',
      'ana',
      'ana@',
      '@example.com',
      'ana at example',
      'ana@example',
      'a b@example.com',
      'a@b.com, c@d.com',
      '<a@b.com>',
      'a@-b.com',
      null,
    ])
      expect(isMailAddress(bad)).toBe(false);
  });

  it('subjects carry the ref and one clean line of the title', () => {
    expect(replySubject('HD-123', 'Printer offline')).toBe('[HD-123] Printer offline');
    expect(replySubject('HD-7', 'Line one\r\nBcc: evil@example.com\x1b[31m')).toBe('[HD-7] Line one Bcc: evil@example.com');
    fc.assert(
      fc.property(fc.string(), (title) => !/[\r\n]/.test(replySubject('HD-1', title)) && replySubject('HD-1', title).startsWith('[HD-1]')),
    );
  });

  it('Message-IDs name the ticket and entry, on the technician domain or none', () => {
    expect(newMessageId('HD-12', 34, 'a1b2c3d4', messageIdDomain('sam@Example.com'))).toBe('<hd-12.34.a1b2c3d4@example.com>');
    expect(messageIdDomain('tester@localhost')).toBe('deskline.invalid');
    expect(messageIdDomain(null)).toBe('deskline.invalid');
  });

  it('threads to the latest message and keeps the first and latest 19 in References', () => {
    expect(threadHeaders([])).toEqual({ inReplyTo: null, references: null });
    expect(threadHeaders(['<a@x>', 'junk', '<b@x>', '<a@x>'])).toEqual({ inReplyTo: '<b@x>', references: '<a@x> <b@x>' });
    const ids = Array.from({ length: 30 }, (_, i) => `<m${i}@x>`);
    const refs = threadHeaders(ids).references!.split(' ');
    expect(refs).toHaveLength(20);
    expect(refs[0]).toBe('<m0@x>');
    expect(refs.slice(1)).toEqual(ids.slice(11));
  });
});

describe('retries', () => {
  it('double from 30 s up to an hour, and give up after the last try or a permanent refusal', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(retryDelay)).toEqual([30e3, 60e3, 120e3, 240e3, 480e3, 960e3, 1920e3, 3600e3]);
    expect(retryDelay(40)).toBe(MAX_RETRY_MS);
    expect(afterFailure(1, false, 1000)).toEqual({ status: 'queued', nextAttemptAt: 31_000 });
    expect(afterFailure(MAX_ATTEMPTS, false, 1000).status).toBe('failed');
    expect(afterFailure(1, true, 1000).status).toBe('failed');
  });

  it('call a refused mailbox or message permanent, everything else worth another try', () => {
    expect(describeDelivery({ code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO', response: '550 5.1.1 no such user' })).toEqual({
      permanent: true,
      message: 'recipient refused: 550 5.1.1 no such user (after RCPT TO)',
    });
    expect(describeDelivery({ code: 'EMESSAGE', responseCode: 554, command: 'DATA', response: '554 spam' }).permanent).toBe(true);
    expect(describeDelivery({ code: 'EAUTH', responseCode: 535, command: 'AUTH PLAIN', response: '535 bad login' })).toEqual({
      permanent: false,
      message: 'login refused: 535 bad login (after AUTH PLAIN)',
    });
    expect(describeDelivery({ code: 'EENVELOPE', responseCode: 451, command: 'MAIL FROM', response: '451 later' }).permanent).toBe(false);
    expect(describeDelivery({ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:9\nstack' })).toEqual({
      permanent: false,
      message: 'connect ECONNREFUSED 127.0.0.1:9',
    });
    expect(describeDelivery(undefined)).toEqual({ permanent: false, message: 'unknown error' });
  });
});
