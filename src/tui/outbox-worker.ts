/**
 * The console's outbox sender, a worker thread: its own connection to the desk, the SMTP connection
 * and the webhook POSTs live here, so sending never holds up a keypress. Each request `{ id }` runs
 * one outbox send (chat notifications, then mail: what is due) and is answered
 * `{ id, sent, failed, error }`. Bundled as dist/outbox-worker.mjs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { deliverChat } from '../io/chat-deliver.js';
import { deliverOutbox } from '../io/outbox-deliver.js';
import { openDesk, type Desk } from '../store/desk.js';
import type { OutboxWorkerData } from './outbox-worker-data.js';

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
const { path, config, chat } = workerData as OutboxWorkerData;

let desk: Promise<Desk> | null = null;
port.on('message', async (req: OutboxRequest) => {
  try {
    desk ??= openDesk(path);
    const { db } = await desk;
    const told = chat ? await deliverChat(db, chat.rules, process.env, { timeoutMs: chat.timeoutMs }) : null;
    const mailed = config ? await deliverOutbox(db, config, process.env) : null;
    const failures = [...(told?.failures ?? []), ...(mailed?.failures ?? [])];
    port.postMessage({
      id: req.id,
      sent: (told?.sent ?? 0) + (mailed?.sent ?? 0),
      failed: failures.length,
      error: told?.problems[0] ?? failures[0]?.message ?? null,
    } satisfies OutboxAnswer);
  } catch (error) {
    void desk?.then((d) => d.close()).catch(() => undefined);
    desk = null;
    port.postMessage({ id: req.id, sent: 0, failed: 0, error: (error as Error).message.split('\n')[0] ?? 'error' } satisfies OutboxAnswer);
  }
});
