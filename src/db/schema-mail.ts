/** Kysely types of IMAP intake's state (migration 016). */
import type { Selectable } from 'kysely';

export interface MailCursorsTable {
  /** `user@host:port/folder` */
  mailbox: string;
  uid_validity: number;
  last_uid: number;
  updated_at: number;
}

export type MailCursorRow = Selectable<MailCursorsTable>;
