/**
 * The console's mail sender, a worker thread: its own connection to the desk and the SMTP connection
 * live here, so sending never holds up a keypress. Each request `{ id }` runs one outbox send (what
 * is due) and is answered `{ id, sent, failed, error }`. Bundled as dist/outbox-worker.mjs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SmtpConfig } from '../io/mail-settings.js';
import { deliverOutbox } from '../io/outbox-deliver.js';
import { openDesk, type Desk } from '../store/desk.js';

export interface OutboxRequest {
  id: number;
}

export interface OutboxAnswer {
  id: number;
  sent: number;
  failed: number;
  /** The first failure, one line. */
  error: string | null;
}

const port = parentPort;
if (!port) throw new Error('outbox-worker runs as a worker thread');
const { path, config } = workerData as { path: string; config: SmtpConfig };

let desk: Promise<Desk> | null = null;
port.on('message', async (req: OutboxRequest) => {
  try {
    desk ??= openDesk(path);
    const report = await deliverOutbox((await desk).db, config, process.env);
    const first = report.failures[0];
    port.postMessage({
      id: req.id,
      sent: report.sent,
      failed: report.failures.length,
      error: first ? first.message : null,
    } satisfies OutboxAnswer);
  } catch (error) {
    void desk?.then((d) => d.close()).catch(() => undefined);
    desk = null;
    port.postMessage({ id: req.id, sent: 0, failed: 0, error: (error as Error).message.split('\n')[0] ?? 'error' } satisfies OutboxAnswer);
  }
});
