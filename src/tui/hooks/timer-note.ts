/** The note a stopped timer writes: its minutes on the ticket, so `report workload` sums them. */
import type { Actor, Executor } from '../../store/executor.js';
import { addInteraction } from '../../store/interactions.js';
import { minutesFor } from '../state/timer.js';

export async function logTimer(db: Executor, me: Actor, timer: { id: number; startedAt: number }, at: number): Promise<number> {
  const minutes = minutesFor(timer.startedAt, at);
  await addInteraction(db, timer.id, { kind: 'note', body: `Time logged: ${minutes} min`, minutes }, me, at);
  return minutes;
}
