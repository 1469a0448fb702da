/**
 * `import eml|mbox|maildir`: each raw message (./mail-sources.ts) parsed (./mail-message.ts) and handed
 * to the store as one mail item, which threads it (store/mail-intake.ts). A message without a
 * Message-ID gets one made from its bytes, so importing it again still adds nothing.
 */
import { createHash } from 'node:crypto';
import { safeFileName } from '../domain/file-name.js';
import type { MailIn } from '../store/mail-types.js';
import type { FormatOptions, ReadIo } from './import-formats.js';
import { RecordError, type ImportItem } from './import-record.js';
import { NotMail, parseMail, type MailMessage } from './mail-message.js';
import { rawMessages, type MailFormat } from './mail-sources.js';

/** The store's shape of a parsed message; `bytes` name it when it has no Message-ID. */
export function mailIn(message: MailMessage, bytes: Uint8Array): MailIn {
  const made = `<sha256-${createHash('sha256').update(bytes).digest('hex').slice(0, 40)}@deskline.invalid>`;
  return {
    messageId: message.messageId ?? made,
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

function mailReader(format: MailFormat) {
  return async function* read(paths: readonly string[], _options: FormatOptions, io: ReadIo): AsyncGenerator<ImportItem> {
    let count = 0;
    for await (const raw of rawMessages(format, paths, io)) {
      let message: MailMessage;
      try {
        message = await parseMail(raw.bytes);
      } catch (error) {
        const reason = error instanceof NotMail ? error.message : `not readable as mail (${(error as Error).message.split('\n')[0]})`;
        throw new RecordError(raw.at, null, reason);
      }
      count++;
      yield { kind: 'mail', at: raw.at, mail: mailIn(message, raw.bytes) };
    }
    if (count === 0) throw new RecordError({ file: paths.join(', ') }, null, 'holds no messages');
  };
}

export const readEml = mailReader('eml');
export const readMbox = mailReader('mbox');
export const readMaildir = mailReader('maildir');
