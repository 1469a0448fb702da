/**
 * The outbox in the console: its counts for the status bar (off the keystroke path, after each data
 * change), and, when mail delivery or chat rules are configured, a worker thread that sends what is due: at start, when
 * the count of waiting messages grows, and every SEND_EVERY_MS while any wait. One send in flight.
 */
import { useEffect, useRef } from 'react';
import { Worker } from 'node:worker_threads';
import type { SmtpConfig } from '../../io/mail-settings.js';
import { outboxCounts, type OutboxCounts } from '../../store/outbox.js';
import type { OutboxRequest } from '../outbox-worker.js';
import type { ChatDelivery, OutboxWorkerData } from '../outbox-worker-data.js';
import { useDesk } from './desk-context.js';
import { workerSource } from './use-dashboard.js';
import { useDeskQuery } from './use-desk-query.js';

const SEND_EVERY_MS = 60_000;

/** `outbox 2 waiting · 1 failed`, `outbox 2 waiting (no delivery)`, or nothing when all is quiet. */
export function outboxText(counts: OutboxCounts | undefined, configured: boolean): string {
  const parts: string[] = [];
  if (counts?.waiting) parts.push(`${counts.waiting} waiting${configured ? '' : ' (no delivery)'}`);
  if (counts?.failed) parts.push(`${counts.failed} failed`);
  return parts.length ? `outbox ${parts.join(' · ')}` : '';
}

export function useOutbox(config: SmtpConfig | null | undefined, chat?: ChatDelivery | null): string {
  const { desk } = useDesk();
  const counts = useDeskQuery('outbox', (db) => outboxCounts(db), { live: true });
  const ask = useRef<(() => void) | null>(null);

  useEffect(() => {
    if (!config && !chat) return;
    const source = workerSource(undefined, undefined, 'outbox-worker');
    const workerData: OutboxWorkerData = { path: desk.path, config: config ?? null, chat: chat ?? null };
    const worker = new Worker(source.script, { workerData, eval: source.eval });
    worker.unref();
    let id = 0;
    let inflight = false;
    ask.current = () => {
      if (inflight) return;
      inflight = true;
      worker.postMessage({ id: ++id } satisfies OutboxRequest);
    };
    // What a send did shows in the counts (the worker's writes move the data version); `outbox list` has the errors.
    worker.on('message', () => (inflight = false));
    worker.on('error', () => (inflight = false));
    return () => {
      ask.current = null;
      void worker.terminate();
    };
  }, [config, chat, desk.path]);

  const waiting = counts?.waiting ?? 0;
  useEffect(() => {
    if (waiting === 0) return;
    ask.current?.();
    const timer = setInterval(() => ask.current?.(), SEND_EVERY_MS);
    timer.unref();
    return () => clearInterval(timer);
  }, [waiting]);

  return outboxText(counts, Boolean(config));
}
