/**
 * Demo data, the conversation: what technicians and requesters write on a ticket's timeline.
 * Same `{placeholder}`s as the templates; `{fix}` is the ticket's resolution. Pure data.
 */

/** The first public answer from the desk. */
export const FIRST_REPLIES: readonly string[] = [
  "Hi {first}, thanks for reporting this. I'm looking into it now.",
  "Hi {first}, I've picked this up. Are you free for a quick remote session in ten minutes?",
  'Hi {first}, thanks. Could you restart the laptop once while I check on our side?',
  "Hi {first}, I can see the problem from here and I'm working on it.",
  "Morning {first}, I've taken this one. I'll update you within the hour.",
];

/** Phone calls (minutes come with them). */
export const CALLS: readonly string[] = [
  'Called {first}: walked through it on a Quick Assist session.',
  'Called {first}, reproduced the problem over screen share.',
  'Phoned {first}: no answer, left a voicemail.',
  'Call with {first}: confirmed the details and agreed a time to come by the desk.',
];

/** Internal notes (never shown to the requester). */
export const NOTES: readonly string[] = [
  'Checked the account and the device in Intune: nothing unusual.',
  'Looks like the same root cause as other tickets this week.',
  'Remote session booked for this afternoon.',
  'Followed the KB runbook steps 1–4; no change yet.',
  "Requester's manager confirmed the priority.",
  'Collected logs with the diagnostics script and attached them to the device record.',
  'Tested with a second account: same behaviour, so not profile-specific.',
];

/** A first look at a new ticket, before anyone takes it. */
export const TRIAGE: readonly string[] = [
  'Triage: no related incident open; next free L1 to pick up.',
  'Triage: requester sits on the {floor} at {site}.',
  "Triage: similar ticket last month, see the requester's history.",
  'Triage: category and priority checked.',
];

/** The requester writing back. */
export const REQUESTER_EMAILS: readonly string[] = [
  "Any update on this? It's stopping me from working.",
  "Thanks, I tried that but it's still the same.",
  'Sent the screenshot as requested.',
  'It happened again this morning.',
  'Just following up on this one, thanks.',
];

/** Chat messages from the desk. */
export const CHATS: readonly string[] = [
  'Hi {first}, saw your message: can you tell me the exact error text?',
  "Thanks {first}, I'm connecting to your machine now.",
  'Hi {first}, try signing out and in again and tell me what you see.',
];

/** Questions that leave a ticket waiting on the requester (pending). */
export const ASKS: readonly string[] = [
  'Hi {first}, could you send a screenshot of the exact error message?',
  'Hi {first}, when are you next in the office so I can swap the device?',
  'Hi {first}, could you try again after a restart and let me know if it comes back?',
  "Hi {first}, this needs your manager's approval: could you ask them to reply here?",
  'Hi {first}, can you confirm which device this happens on?',
];

/** Why a ticket waits on a third party (on hold). */
export const HOLDS: readonly string[] = [
  'Waiting on {vendor} for a replacement part (case #{case}).',
  "Raised with {vendor} support, case #{case}; they'll come back within two business days.",
  'Ordered via procurement, PO pending approval.',
  'Waiting for the change window on {weekday} night.',
  'Vendor engineer booked for {weekday}.',
];

/** The closing reply; `{fix}` is the resolution. */
export const CLOSING_REPLIES: readonly string[] = [
  "Hi {first}, this should be sorted now: {fix} I'll close this in a few days if all's well.",
  'Hi {first}, all done. {fix} Let me know if it comes back.',
  'Hi {first}, good news: {fix} Shout if anything else comes up.',
];
