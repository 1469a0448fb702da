/**
 * One raw mail message (RFC 5322 bytes) as what the desk needs of it, parsed by mailparser (encoded
 * words, any charset, multipart/alternative, inline images): ids for threading, subject, sender, a
 * text body (HTML turned into text; capped, with the original kept as an attachment when cut),
 * attachments, and whether a person wrote it at all (./mail-automatic.ts).
 */
import { simpleParser, type ParsedMail, type SimpleParserOptions } from 'mailparser';
import { automaticKind, type Automatic } from './mail-automatic.js';
import { htmlToRoughText } from './mail-html.js';

export interface MailAttachment {
  name: string;
  data: Uint8Array;
  contentType: string | null;
}

export interface MailMessage {
  /** `<id@host>` as sent, or null when the message has none. */
  messageId: string | null;
  /** In-Reply-To and References, nearest first. */
  replyTo: string[];
  subject: string;
  from: { name: string; email: string | null } | null;
  /** The Date header (ms), or null. */
  date: number | null;
  text: string;
  attachments: MailAttachment[];
  automatic: Automatic | null;
}

/** What turns into text at most: a description holds 100,000 characters. */
export const MAX_TEXT = 100_000;
/** HTML longer than this is not handed to mailparser's converter (slow on megabytes): a rough strip instead. */
export const MAX_HTML_TO_PARSE = 300_000;

export const PARSER_OPTIONS: SimpleParserOptions = {
  skipTextToHtml: true,
  skipTextLinks: true,
  skipImageLinks: true,
  keepDeliveryStatus: true,
  maxHtmlLengthToParse: MAX_HTML_TO_PARSE,
};

export class NotMail extends Error {}

const ids = (value: unknown): string[] =>
  (Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : '').match(/<[^<>\s]+>/g) ?? [];

const SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text Deskline can store: no NUL, no lone surrogate (a broken charset can leave either). */
export const storable = (text: string): string => {
  const clean = text.includes('\0') ? text.replace(/\0/g, '') : text;
  // Most text has no surrogate at all: a plain scan first, the lone-surrogate pattern only then.
  return SURROGATE.test(clean) ? clean.replace(LONE_SURROGATE, '\ufffd') : clean;
};

export async function parseMail(bytes: Uint8Array): Promise<MailMessage> {
  const mail = await simpleParser(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), PARSER_OPTIONS);
  return mailOf(mail);
}

export function mailOf(mail: ParsedMail): MailMessage {
  if (mail.headers.size === 0) throw new NotMail('not a mail message (no headers)');
  if (!['from', 'subject', 'date', 'message-id'].some((h) => mail.headers.has(h)))
    throw new NotMail('not a mail message (no From, Subject, Date or Message-ID header)');
  const sender = mail.from?.value[0];
  const email = sender?.address?.trim().toLowerCase() || null;
  const from = sender ? { name: storable(sender.name?.trim() || email || ''), email } : null;
  const attachments: MailAttachment[] = mail.attachments.map((a, i) => ({
    name: storable(
      a.filename?.trim() || `${a.contentDisposition === 'inline' ? 'inline' : 'attachment'}-${i + 1}${extension(a.contentType)}`,
    ),
    data: a.content,
    contentType: a.contentType ?? null,
  }));
  const html = typeof mail.html === 'string' ? mail.html : '';
  let text = mail.text ?? '';
  if (text.trim() === '' && html) text = htmlToRoughText(html.slice(0, MAX_TEXT * 4));
  text = storable(text.replace(/\r\n?/g, '\n')).trim();
  if (text.length > MAX_TEXT) {
    const note = '\n[… cut: the whole message is attached]';
    text = text.slice(0, MAX_TEXT - note.length).replace(/[\ud800-\udbff]$/, '') + note;
    attachments.push(
      html
        ? { name: 'message.html', data: Buffer.from(html), contentType: 'text/html' }
        : { name: 'message.txt', data: Buffer.from(mail.text ?? ''), contentType: 'text/plain' },
    );
  }
  const date = mail.date && Number.isFinite(mail.date.getTime()) && mail.headers.has('date') ? mail.date.getTime() : null;
  return {
    messageId: ids(mail.messageId)[0] ?? null,
    replyTo: [...new Set([...ids(mail.inReplyTo), ...ids(mail.references).reverse()])],
    subject: storable(
      (mail.subject ?? '')
        .replace(/[\r\n\t]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    ),
    from,
    date,
    text,
    attachments,
    automatic: automaticKind({ headers: mail.headers, from: email, partTypes: mail.attachments.map((a) => a.contentType ?? '') }),
  };
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'text/plain': '.txt',
  'text/html': '.html',
  'application/pdf': '.pdf',
  'message/rfc822': '.eml',
  'message/delivery-status': '.txt',
};

function extension(contentType: string | undefined): string {
  return EXTENSIONS[(contentType ?? '').toLowerCase()] ?? '';
}
