/**
 * The console's mail intake, a worker thread: its own connection to the desk and the IMAP connection
 * live here, so a fetch never holds up a keypress. Each request `{ id }` runs one `mail fetch` and is
 * answered `{ id, created, replies, error }`. Bundled as dist/mail-worker.mjs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { imapPassword, type ImapConfig } from '../io/imap-settings.js';
import { fetchMail } from '../io/mail-fetch.js';
import type { AcknowledgeOptions } from '../store/mail-acknowledge.js';
import { openDesk, type Desk } from '../store/desk.js';

export interface MailRequest {
  id: number;
}

export interface MailAnswer {
  id: number;
  created: number;
  replies: number;
  /** What went wrong, one line. */
  error: string | null;
}

const port = parentPort;
if (!port) throw new Error('mail-worker runs as a worker thread');
const { path, config, acknowledge } = workerData as { path: string; config: ImapConfig; acknowledge: AcknowledgeOptions | null };

let desk: Promise<Desk> | null = null;
port.on('message', async (req: MailRequest) => {
  try {
    desk ??= openDesk(path);
    const report = await fetchMail(await desk, config, imapPassword(config, process.env), { acknowledge });
    const f = report.fates;
    port.postMessage({ id: req.id, created: f.created, replies: f.replied + f.reopened, error: null } satisfies MailAnswer);
  } catch (error) {
    port.postMessage({
      id: req.id,
      created: 0,
      replies: 0,
      error: (error as Error).message.split('\n')[0] ?? 'error',
    } satisfies MailAnswer);
  }
});
