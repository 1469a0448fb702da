/**
 * When the outbox tries again, as data: exponential backoff from 30 s, doubling, at most an hour
 * apart; given up after 10 tries (about 5 hours). A sender's claim on a message lasts LEASE_MS:
 * a sender that crashed between sending and marking leaves a claim that runs out, and the next
 * sender sends the message again with the same Message-ID (the receiver drops the duplicate).
 */
export const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_MS = 3_600_000;
export const MAX_ATTEMPTS = 10;
export const LEASE_MS = 120_000;

/** The wait after the `attempts`-th failed try (1 → 30 s, 2 → 60 s, 3 → 2 min … capped at 1 h). */
export function retryDelay(attempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

/** What a failed try does to a message: wait and try again, or give up. */
export function afterFailure(attempts: number, permanent: boolean, now: number): { status: 'queued' | 'failed'; nextAttemptAt: number } {
  if (permanent || attempts >= MAX_ATTEMPTS) return { status: 'failed', nextAttemptAt: now };
  return { status: 'queued', nextAttemptAt: now + retryDelay(attempts) };
}
