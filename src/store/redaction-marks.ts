/** The markers redaction leaves in place of removed text (./redaction.ts, and sync's ./sync/redact-op.ts). */
export const REDACTED = '[redacted]';
export const FORGOTTEN = '[forgotten]';
