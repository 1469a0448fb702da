/**
 * Runs the KB writes the reducer queued, one at a time, through the store (the same functions as
 * `deskline kb link` and `kb draft`, audit trail included), and says what happened in one line:
 * "KB-12 linked to HD-42", "KB-40 drafted from HD-42".
 */
import { useEffect, useRef } from 'react';
import { describeError } from '../../errors.js';
import type { Actor, Executor } from '../../store/executor.js';
import type { KbJob, KbOutcome, KbQueued } from '../state/kb/types.js';
import type { StateAction } from '../state/types.js';
import { kbRef } from '../text/kb-lines.js';
import { useDesk } from './desk-context.js';

export async function runKbJob(db: Executor, me: Actor, job: KbJob): Promise<KbOutcome> {
  try {
    const { draftFromTicket, linkArticle } = await import('../../store/kb-links.js');
    if (job.kind === 'link') {
      const linked = await linkArticle(db, job.ticketId, job.articleId, me);
      const ref = kbRef(linked.article.id);
      return {
        ok: true,
        articleId: linked.article.id,
        message: linked.created ? `${ref} linked to ${linked.ticketRef}` : `${ref} was already linked to ${linked.ticketRef}`,
      };
    }
    const draft = await draftFromTicket(db, job.ticketId, me);
    return { ok: true, articleId: draft.id, message: `${kbRef(draft.id)} drafted from ${job.ticketRef}` };
  } catch (error) {
    return { ok: false, message: `${job.ticketRef}: ${describeError(error).message}` };
  }
}

export function useKbJobs(jobs: readonly KbQueued[], dispatch: (a: StateAction) => void): void {
  const { desk, me } = useDesk();
  const running = useRef<number | null>(null);
  const head = jobs[0];
  useEffect(() => {
    if (!head || running.current === head.seq) return;
    running.current = head.seq;
    void runKbJob(desk.db, me, head.job).then((outcome) => dispatch({ type: 'kbJobDone', seq: head.seq, outcome }));
  }, [head, desk, me, dispatch]);
}
