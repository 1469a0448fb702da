/**
 * Mail intake in the console: with mail.imap.* set, a worker thread (../mail-worker.ts) fetches at
 * start and every mail.imap.every minutes, one fetch in flight, never on the keystroke path. New
 * tickets show through the desk's data version like any other write; the status bar says what the
 * last fetch brought (`mail 2 new · 1 reply`) or why it failed (`mail: imap …: login refused`).
 */
import { useEffect, useState } from 'react';
import { Worker } from 'node:worker_threads';
import type { ImapConfig } from '../../io/imap-settings.js';
import type { AcknowledgeOptions } from '../../store/mail-acknowledge.js';
import type { MailAnswer, MailRequest } from '../mail-worker.js';
import { useDesk } from './desk-context.js';
import { workerSource } from './use-dashboard.js';

export interface Intake {
  config: ImapConfig;
  acknowledge: AcknowledgeOptions | null;
}

/** `mail 2 new · 1 reply`, `mail: <error>`, or nothing when the last fetch brought nothing. */
export function mailText(answer: MailAnswer | null): string {
  if (!answer) return '';
  if (answer.error) return `mail: ${answer.error}`;
  const parts = [
    ...(answer.created ? [`${answer.created} new`] : []),
    ...(answer.replies ? [`${answer.replies} ${answer.replies === 1 ? 'reply' : 'replies'}`] : []),
  ];
  return parts.length ? `mail ${parts.join(' · ')}` : '';
}

export function useMailFetch(intake: Intake | null | undefined): string {
  const { desk } = useDesk();
  const [last, setLast] = useState<MailAnswer | null>(null);

  useEffect(() => {
    if (!intake) return;
    const source = workerSource(undefined, undefined, 'mail-worker');
    const worker = new Worker(source.script, { workerData: { path: desk.path, ...intake }, eval: source.eval });
    worker.unref();
    let alive = true;
    let id = 0;
    let inflight = false;
    const ask = () => {
      if (inflight) return;
      inflight = true;
      worker.postMessage({ id: ++id } satisfies MailRequest);
    };
    worker.on('message', (answer: MailAnswer) => {
      inflight = false;
      // A quiet fetch keeps what the last busy one said, until an error or new mail replaces it.
      if (alive && (answer.error || answer.created || answer.replies)) setLast(answer);
      else if (alive) setLast((l) => (l?.error ? null : l));
    });
    worker.on('error', (error) => {
      inflight = false;
      if (alive) setLast({ id: 0, created: 0, replies: 0, error: `worker: ${error.message.split('\n')[0]}` });
    });
    ask();
    const timer = setInterval(ask, intake.config.everyMinutes * 60_000);
    timer.unref();
    return () => {
      alive = false;
      clearInterval(timer);
      void worker.terminate();
    };
  }, [intake, desk.path]);

  return mailText(last);
}
