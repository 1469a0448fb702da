/**
 * `mail fetch`: new messages of one IMAP folder onto the desk, each through deliverMail (the path
 * `import eml` takes: threading, reopening, automatic mail, idempotency by Message-ID), a batch of
 * up to 100 in one transaction that also moves the mailbox's cursor (UIDVALIDITY, last UID) past
 * them. Then what was taken is moved to mail.imap.move_to, or flagged \Seen.
 *
 * A message is on the desk exactly when the cursor has passed it, so a crash or a lost connection
 * half way loses and repeats nothing. Two fetches at once read the same UIDs; the second one's
 * delivery finds the Message-ID on the desk and adds nothing. A new UIDVALIDITY (the server
 * renumbered the folder) starts from UID 1 again, safe for the same reason.
 */
import type { ImapFlow } from 'imapflow';
import { EXIT, fail, isDesklineError } from '../errors.js';
import type { Desk } from '../store/desk.js';
import { advanceCursor, readCursor } from '../store/mail-cursor.js';
import { deliverMails } from '../store/mail-deliver.js';
import type { AcknowledgeOptions } from '../store/mail-acknowledge.js';
import type { MailFate, MailIn } from '../store/mail-types.js';
import { connectImap, imapError, serverText } from './imap-client.js';
import { mailboxKey, type ImapConfig } from './imap-settings.js';
import { redact } from './mail-settings.js';
import { mailIn } from './mail-import.js';
import { NotMail, parseMail } from './mail-message.js';

/** UIDs fetched per round trip (their sources are held in memory together). */
const BATCH = 100;

export interface FetchReport {
  folder: string;
  uidValidity: number;
  /** The UIDVALIDITY the desk knew before, when the server changed it (everything was read again). */
  renumberedFrom: number | null;
  taken: number;
  fates: Record<MailFate, number>;
  acknowledged: number;
  /** Messages left in the folder: not mail, or refused (the cursor passed them). */
  unreadable: { uid: number; reason: string }[];
  /** Where taken messages went: a folder, or 'flagged \\Seen'. */
  after: string;
}

export interface FetchOptions {
  acknowledge?: AcknowledgeOptions | null;
  actor?: string;
  batch?: number;
}

const emptyFates = (): Record<MailFate, number> => ({ created: 0, replied: 0, reopened: 0, noted: 0, ignored: 0, known: 0 });

export async function fetchMail(desk: Desk, config: ImapConfig, password: string, options: FetchOptions = {}): Promise<FetchReport> {
  const client = await connectImap(config, password);
  const report: FetchReport = {
    folder: config.folder,
    uidValidity: 0,
    renumberedFrom: null,
    taken: 0,
    fates: emptyFates(),
    acknowledged: 0,
    unreadable: [],
    after: config.moveTo ?? 'flagged \\Seen',
  };
  try {
    if (config.moveTo) await client.mailboxCreate(config.moveTo);
    await openFolder(client, config, password);
    await takeNew(client, desk, config, report, options);
    await client.logout();
    return report;
  } catch (error) {
    if (isDesklineError(error) || /^SQLITE_/.test(String((error as { code?: unknown }).code))) throw error;
    throw imapError(error, config, password, report.taken ? `${report.taken} taken, then ` : '');
  } finally {
    client.close();
  }
}

async function openFolder(client: ImapFlow, config: ImapConfig, password: string): Promise<void> {
  try {
    await client.mailboxOpen(config.folder);
  } catch (error) {
    const e = error as { responseStatus?: unknown; responseText?: unknown };
    if (e.responseStatus !== 'NO') throw error;
    const why = serverText(e.responseText) || 'refused';
    fail(EXIT.delivery, redact(`imap ${config.host}:${config.port}: cannot open folder '${config.folder}': ${why}`, password));
  }
}

async function parsed(source: Buffer) {
  try {
    return mailIn(await parseMail(source), source);
  } catch (error) {
    throw error instanceof NotMail ? error : new NotMail(`not readable as mail (${(error as Error).message.split('\n')[0]})`);
  }
}

async function takeNew(client: ImapFlow, desk: Desk, config: ImapConfig, report: FetchReport, options: FetchOptions) {
  const mailbox = mailboxKey(config);
  const uidValidity = Number(client.mailbox ? client.mailbox.uidValidity : 0);
  report.uidValidity = uidValidity;
  const known = await readCursor(desk.db, mailbox);
  if (known && known.uid_validity !== uidValidity) {
    report.renumberedFrom = known.uid_validity;
    await advanceCursor(desk, { mailbox, uidValidity, uid: 0 });
  }
  const since = known && known.uid_validity === uidValidity ? known.last_uid : 0;
  const found = (await client.search({ uid: `${since + 1}:*` }, { uid: true })) || [];
  const uids = found.filter((uid) => uid > since).sort((a, b) => a - b);
  const size = options.batch ?? BATCH;
  for (let i = 0; i < uids.length; i += size) {
    // Another fetch may have taken some of these meanwhile.
    const now = await readCursor(desk.db, mailbox);
    const floor = now && now.uid_validity === uidValidity ? now.last_uid : 0;
    const batch = uids.slice(i, i + size).filter((uid) => uid > floor);
    if (batch.length === 0) continue;
    const sources: { uid: number; source: Buffer }[] = [];
    for await (const m of client.fetch(batch.join(','), { uid: true, source: true }, { uid: true }))
      if (m.source) sources.push({ uid: m.uid, source: m.source });
    const mails: { uid: number; mail: MailIn; place: string }[] = [];
    for (const { uid, source } of sources.sort((a, b) => a.uid - b.uid)) {
      try {
        mails.push({ uid, mail: await parsed(source), place: `imap ${config.folder} uid ${uid}` });
      } catch (error) {
        report.unreadable.push({ uid, reason: (error as Error).message.split('\n')[0]! });
      }
    }
    // The batch and the cursor past its last UID, in one transaction.
    const cursor = { mailbox, uidValidity, uid: batch[batch.length - 1]! };
    const outcomes = await deliverMails(desk, mails, { actor: 'mail intake', cursor, acknowledge: options.acknowledge });
    const taken: number[] = [];
    outcomes.forEach((outcome, i) => {
      const { uid } = mails[i]!;
      if ('refused' in outcome) return void report.unreadable.push({ uid, reason: outcome.refused.message });
      report.fates[outcome.fate]++;
      if (outcome.acknowledged) report.acknowledged++;
      taken.push(uid);
      report.taken++;
    });
    if (taken.length === 0) continue;
    if (config.moveTo) await client.messageMove(taken.join(','), config.moveTo, { uid: true });
    else await client.messageFlagsAdd(taken.join(','), ['\\Seen'], { uid: true });
  }
}
