/**
 * Raw mail → what the desk needs (fixtures/import/mail): encoded words, charsets, multipart/alternative
 * with inline images, HTML-only bodies, automatic mail told apart; mbox splitting (property-tested:
 * any messages written as mboxrd come back byte for byte) and the rough HTML strip.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { htmlToRoughText } from '../../src/io/mail-html.js';
import { MAX_TEXT, NotMail, parseMail } from '../../src/io/mail-message.js';
import { splitMbox } from '../../src/io/mbox-split.js';

const mail = (name: string) => parseMail(readFileSync(`fixtures/import/mail/${name}`));

async function split(bytes: Buffer, chunk = 7): Promise<{ line: number; text: string }[]> {
  const chunks = Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) => bytes.subarray(i * chunk, (i + 1) * chunk));
  const out = [];
  for await (const m of splitMbox(Readable.from(chunks))) out.push({ line: m.line, text: m.bytes.toString('latin1') });
  return out;
}

describe('parseMail', () => {
  it('decodes encoded words, UTF-8 and ISO-8859-1 bodies', async () => {
    const plain = await mail('plain.eml');
    expect(plain).toMatchObject({
      messageId: '<CAF1a2b3c4d5@mail.example.com>',
      subject: 'VPN não liga — drops every ten minutes',
      from: { name: 'Ana Silva (Finanças)', email: 'ana.silva@example.com' },
      date: Date.parse('2025-07-20T08:15:00Z'),
      automatic: null,
    });
    expect(plain.text).toContain('Olá from Lisboa.');
    const latin = await mail('latin1.eml');
    expect(latin.subject).toBe('Drucker im Büro 3 druckt nicht');
    expect(latin.text).toBe('Der Drucker im Büro 3 zeigt „Papierstau“ an, aber es ist kein Papier drin. Grüße, Jürgen');
  });

  it('takes the text part of multipart/alternative and keeps inline images and files as attachments', async () => {
    const m = await mail('alternative-inline.eml');
    expect(m.text).toBe('The screen flickers when docked. Screenshot: [cid:shot1]');
    expect(m.attachments.map((a) => [a.name, a.contentType])).toEqual([
      ['inline-1.png', 'image/png'],
      ['dock-firmware.pdf', 'application/pdf'],
    ]);
    expect(Buffer.from(m.attachments[1]!.data).toString()).toBe('%PDF-1.4\n% tiny\n');
  });

  it('turns an HTML-only body (windows-1252) into text', async () => {
    expect((await mail('html-only.eml')).text).toBe(
      'Hi team,\n\nOur new starter begins Monday – please prepare a laptop.\n\n * 16 GB\n * Docking station',
    );
  });

  it('reads threading ids and tells auto-replies, bulk mail and bounces', async () => {
    expect((await mail('reply.eml')).replyTo).toEqual(['<CAF1a2b3c4d5@mail.example.com>']);
    expect((await mail('auto-reply.eml')).automatic).toBe('auto-reply');
    expect((await mail('bulk.eml')).automatic).toBe('bulk');
    expect((await mail('bounce.eml')).automatic).toBe('bounce');
  });

  it('caps a huge body and attaches the whole message', async () => {
    const body = 'word '.repeat(60_000);
    const m = await parseMail(Buffer.from(`From: a@b.c\r\nSubject: big\r\nContent-Type: text/plain\r\n\r\n${body}`));
    expect(m.text.length).toBeLessThanOrEqual(MAX_TEXT);
    expect(m.text).toMatch(/\[… cut: the whole message is attached\]$/);
    expect(m.attachments.map((a) => [a.name, a.data.length])).toEqual([['message.txt', body.trimEnd().length + 1]]);
  });

  it('refuses bytes with no mail headers, and stores no NUL from a broken body', async () => {
    await expect(parseMail(Buffer.from('\x00\x01\x02 binary junk \xff\xfe'))).rejects.toBeInstanceOf(NotMail);
    const m = await parseMail(Buffer.from('From: a@b.c\r\nSubject: x\x00y\r\n\r\nbody\x00text'));
    expect(m.text).toBe('bodytext');
    expect(m.subject).not.toContain('\0');
  });
});

describe('splitMbox', () => {
  it('splits on From lines, gives each message its line, and unescapes >From', async () => {
    const mbox = 'From a@b Mon Jul 20 09:00:00 2025\nSubject: one\n\n>From here\n\nFrom c@d Mon Jul 20 10:00:00 2025\nSubject: two\n\nx\n';
    expect(await split(Buffer.from(mbox))).toEqual([
      { line: 1, text: 'Subject: one\n\nFrom here\n\n' },
      { line: 6, text: 'Subject: two\n\nx\n' },
    ]);
  });

  it('gives back any messages written as mboxrd, whatever the chunking', async () => {
    const body = fc.array(fc.oneof(fc.constantFrom('From x', '>From y', '', 'a line'), fc.string({ unit: 'grapheme-ascii' })), {
      maxLength: 6,
    });
    const message = body.map((lines) => `Subject: s\n\n${lines.map((l) => l.replace(/\n/g, ' ')).join('\n')}\n`);
    await fc.assert(
      fc.asyncProperty(fc.array(message, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 40 }), async (messages, chunk) => {
        const escaped = messages.map((m) => `From sender@example.com Mon Jul 20 09:00:00 2025\n${m.replace(/^(>*From )/gm, '>$1')}`);
        const out = await split(Buffer.from(escaped.join('')), chunk);
        expect(out.map((o) => o.text)).toEqual(messages);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a file that does not start with a From line', async () => {
    await expect(split(Buffer.from('Subject: not an mbox\n\nbody\n'))).rejects.toThrow(/not an mbox file/);
  });
});

describe('htmlToRoughText', () => {
  it('keeps words, drops tags, scripts and styles, decodes entities', () => {
    expect(htmlToRoughText('<style>x{}</style><p>A &amp; B&nbsp;&#8211; &#x263A;</p><script>alert(1)</script><br>C')).toBe(
      'A & B – ☺\n\nC',
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(typeof htmlToRoughText(s)).toBe('string');
      }),
    );
  });
});
