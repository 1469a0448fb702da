/**
 * `import eml|mbox|maildir`: each raw message (./mail-sources.ts) parsed (./mail-message.ts) and handed
 * to the store as one mail item, which threads it (store/mail-intake.ts). A message without a
 * Message-ID gets one made from its bytes, so importing it again still adds nothing. Messages are
 * parsed in batches ahead of the writes (./read-ahead.ts): cheaper than one parse, one write, in turn.
 */
import { createHash } from 'node:crypto';
import { safeFileName } from '../domain/file-name.js';
import type { MailIn } from '../store/mail-types.js';
import type { FormatOptions, ReadIo } from './import-formats.js';
import { RecordError, type ImportItem } from './import-record.js';
import { NotMail, parseMail, type MailMessage } from './mail-message.js';
import { rawMessages, type MailFormat } from './mail-sources.js';
import { readAhead } from './read-ahead.js';

/** The store's shape of a parsed message; `bytes` name it when it has no Message-ID. */
export function mailIn(message: MailMessage, bytes: Uint8Array): MailIn {
  return {
    messageId: message.messageId ?? `<sha256-${createHash('sha256').update(bytes).digest('hex').slice(0, 40)}@deskline.invalid>`,
    replyTo: message.replyTo,
    subject: message.subject,
    from: message.from,
    date: message.date,
    text: message.text,
    attachments: message.attachments.map((a, i) => ({
      name: safeFileName(a.name, `attachment-${i + 1}`),
      data: a.data,
      contentType: a.contentType,
      createdAt: null,
    })),
    automatic: message.automatic,
  };
}

/** How far a mail import parses ahead of the writes (./read-ahead.ts): messages, and their raw bytes. */
export const MAIL_READ_AHEAD = { items: 1000, weight: 16 * 1024 * 1024 };

async function* parsedMail(format: MailFormat, paths: readonly string[], io: ReadIo): AsyncGenerator<{ item: ImportItem; bytes: number }> {
  for await (const raw of rawMessages(format, paths, io)) {
    let message: MailMessage;
    try {
      message = await parseMail(raw.bytes);
    } catch (error) {
      const reason = error instanceof NotMail ? error.message : `not readable as mail (${(error as Error).message.split('\n')[0]})`;
      throw new RecordError(raw.at, null, reason);
    }
    yield { item: { kind: 'mail', at: raw.at, mail: mailIn(message, raw.bytes) }, bytes: raw.bytes.length };
  }
}

function mailReader(format: MailFormat) {
  return async function* read(paths: readonly string[], _options: FormatOptions, io: ReadIo): AsyncGenerator<ImportItem> {
    let count = 0;
    for await (const { item } of readAhead(parsedMail(format, paths, io), MAIL_READ_AHEAD, (m) => m.bytes)) {
      count++;
      yield item;
    }
    if (count === 0) throw new RecordError({ file: paths.join(', ') }, null, 'holds no messages');
  };
}

export const readEml = mailReader('eml');
export const readMbox = mailReader('mbox');
export const readMaildir = mailReader('maildir');
