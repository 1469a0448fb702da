/** One email as the store takes it (io/mail-message.ts makes it from raw bytes; IMAP intake may too). */

export interface MailIn {
  /** `<id@host>`: the message's own id, or one made from its bytes when it had none (imports stay idempotent). */
  messageId: string;
  /** In-Reply-To then References, nearest first. */
  replyTo: readonly string[];
  subject: string;
  from: { name: string; email: string | null } | null;
  /** ms since the epoch; null: now. */
  date: number | null;
  text: string;
  attachments: readonly { name: string; data: Uint8Array; contentType: string | null; createdAt: number | null }[];
  /** 'auto-reply' | 'bulk' | 'bounce' for mail no person wrote; null for a person's. */
  automatic: string | null;
}

export interface ImportMailIn {
  kind: 'mail';
  place: string;
  mail: MailIn;
}

/** What became of one email. */
export type MailFate =
  | 'created' // a new ticket
  | 'replied' // added to its ticket as an incoming email
  | 'reopened' // added, and the requester's reply reopened the ticket
  | 'noted' // automatic mail on a known ticket: kept as an internal note
  | 'ignored' // automatic mail on no ticket: never opens one
  | 'known'; // imported before (its Message-ID is on the desk)

export interface MailResult {
  fate: MailFate;
  /** The ticket it went to (null when ignored). */
  ticketId: number | null;
}
