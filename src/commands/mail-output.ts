/** What `mail fetch` prints: a few lines for people, a summary for --json. */
import type { FetchReport } from '../io/mail-fetch.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function fetchLines(r: FetchReport): string[] {
  const f = r.fates;
  const lines: string[] = [];
  if (r.renumberedFrom !== null)
    lines.push(
      `${r.folder} was renumbered by the server (UIDVALIDITY ${r.renumberedFrom} → ${r.uidValidity}): read again from the start; mail already on the desk is skipped`,
    );
  const parts = [
    plural(f.created, 'new ticket'),
    plural(f.replied + f.reopened, 'reply', 'replies') + (f.reopened ? ` (${f.reopened} reopened)` : ''),
    ...(f.noted ? [`${plural(f.noted, 'automatic mail')} noted`] : []),
    ...(f.ignored ? [`${plural(f.ignored, 'automatic mail')} left out`] : []),
    ...(f.known ? [`${f.known} already on the desk`] : []),
  ];
  lines.push(`${r.folder}: ${plural(r.taken, 'message')} taken: ${parts.join(', ')}`);
  if (r.acknowledged) lines.push(`${plural(r.acknowledged, 'acknowledgement')} queued in the outbox`);
  if (r.taken) lines.push(r.after.startsWith('flagged') ? `taken messages ${r.after}` : `taken messages moved to ${r.after}`);
  for (const u of r.unreadable) lines.push(`left in ${r.folder}: uid ${u.uid}: ${u.reason}`);
  return lines;
}

export function fetchJson(r: FetchReport): Record<string, unknown> {
  return {
    folder: r.folder,
    uidValidity: r.uidValidity,
    renumberedFrom: r.renumberedFrom,
    taken: r.taken,
    ...r.fates,
    acknowledged: r.acknowledged,
    unreadable: r.unreadable,
    after: r.after,
  };
}
