/** Demo ticket templates: mail, access rights and the first software request (in the order the generator draws them; see ./templates.ts). */
import { t } from './template.js';

export const TEMPLATES_MAIL = [
  t({
    category: 'email',
    priority: 'normal',
    weight: 6,
    tags: ['outlook', 'email'],
    cases: [
      [
        'Outlook not syncing: stuck on "Updating inbox"',
        "Outlook says it's up to date but I can see new mail on my phone that isn't in Outlook.",
      ],
      ['Emails not arriving on my {phone}', "Since yesterday my {phone} doesn't get new email; Outlook on the laptop is fine."],
      ['Outlook keeps asking for my password', "Outlook prompts for my password every few minutes and won't accept it."],
    ],
    fixes: [
      'Rebuilt the Outlook profile; mailbox fully synced.',
      'Removed stale credentials and re-signed in; modern auth now working.',
      'Removed and re-added the account on the phone.',
    ],
  }),
  t({
    category: 'email',
    priority: 'normal',
    weight: 2,
    tags: ['mailbox', 'quota'],
    cases: [["Mailbox full, can't send", 'I\'m getting "your mailbox is full" and can\'t send anything.']],
    fixes: ['Enabled the online archive and set a 2-year archive policy.'],
  }),
  t({
    category: 'email',
    priority: 'high',
    weight: 3,
    tags: ['phishing', 'security'],
    cases: [
      [
        'Suspicious email from {sender}',
        "I got an email from {sender} asking me to sign in to review a document. It looks off. I didn't click anything.",
      ],
      ['Reported phish: fake DocuSign link', "Email with a DocuSign link from an address I don't know. Forwarded as attachment."],
      [
        'Is this email genuine? "Invoice overdue"',
        'Received an "invoice overdue" email with a zip attached. We don\'t know this supplier.',
      ],
    ],
    fixes: [
      'Confirmed phishing; purged the message from all mailboxes and blocked the sender domain.',
      'Phish; removed from 23 mailboxes, URL added to the block list.',
    ],
  }),
  t({
    category: 'email',
    priority: 'urgent',
    weight: 0.8,
    tier: 'L2',
    tags: ['phishing', 'security', 'incident'],
    cases: [
      [
        'Clicked a link in a phishing email',
        'I clicked a link in an email from {sender} and typed my password before I realised. What do I do?',
      ],
    ],
    fixes: ['Reset password, revoked sessions, checked sign-in logs and mailbox rules: no further access found.'],
  }),
  t({
    category: 'email',
    priority: 'low',
    weight: 2,
    tags: ['mobile', 'email'],
    cases: [
      ['Set up work email on new {phone}', 'I have a new {phone}; could you help me get Outlook and Teams on it?'],
      ["Company Portal won't enrol my {phone}", 'Company Portal fails at "Checking device settings" on my {phone}.'],
    ],
    fixes: ['Enrolled the phone in Intune; Outlook and Teams configured.'],
  }),
  t({
    category: 'access',
    priority: 'normal',
    weight: 4,
    tags: ['mailbox', 'permissions'],
    cases: [
      [
        'Access to shared mailbox {mailbox}example.com',
        "I've joined the team that handles {mailbox}example.com. Could I get access? My manager has approved it.",
      ],
      ['Shared mailbox {mailbox} not showing in Outlook', "I was given access to {mailbox} last week but it doesn't appear in my Outlook."],
    ],
    fixes: [
      'Granted full access and send-as; mailbox appeared after an Outlook restart.',
      "Added the user to the mailbox's security group.",
    ],
  }),
  t({
    category: 'access',
    priority: 'normal',
    weight: 3,
    tags: ['permissions', 'fileshare'],
    cases: [
      ['Access to {share}', 'Could I have edit access to {share}? My manager has approved.'],
      ['Permission denied on {share}', 'I get "access denied" when I open {share}. I need it for month-end.'],
    ],
    fixes: [
      "Added the user to the folder's group after the owner approved.",
      'Group membership was granted; a sign-out/in refreshed the token.',
    ],
  }),
  t({
    category: 'access',
    priority: 'normal',
    weight: 4,
    from: 'HR',
    tags: ['onboarding', 'new-starter'],
    cases: [
      [
        'New starter: {person} ({dept}) starts {weekday}',
        "{person} joins {dept} on {weekday}. Needs a laptop, email, Teams, {app} and access to the team's shared drive. Manager will meet them at {site}.",
      ],
      [
        'Onboarding: laptop, accounts and access for {person}',
        'Please set up {person} ({dept}), starting {weekday} at {site}: laptop, accounts, {app}.',
      ],
    ],
    fixes: [
      'Account, mailbox and licences created; {laptop} built and handed over on day one.',
      'Onboarding complete: accounts, laptop, MFA set up at desk-side.',
    ],
  }),
  t({
    category: 'access',
    priority: 'high',
    weight: 2,
    from: 'HR',
    tags: ['offboarding', 'leaver'],
    cases: [
      [
        'Leaver: {person}, last day {weekday}',
        '{person} from {dept} leaves on {weekday}. Please disable access at 17:00, forward email to their manager and collect the laptop.',
      ],
    ],
    fixes: ['Account disabled, mailbox converted to shared and delegated to the manager, laptop collected and wiped.'],
  }),
  t({
    category: 'software',
    priority: 'normal',
    weight: 3,
    tags: ['windows-update', 'patching'],
    monitored: true,
    cases: [
      ['{kb} failing to install on {laptop}', 'Update compliance shows this device failing {kb} with {error} for the last three cycles.'],
      ['Windows Update stuck with error {error}', 'Windows Update keeps failing with {error} and asks to restart every day.'],
      ['Feature update to {os} keeps rolling back', 'The upgrade to {os} gets to 100% then says "Undoing changes".'],
    ],
    fixes: [
      'Ran DISM and SFC, reset the update components; update installed.',
      'Freed space on the recovery partition; update installed on the next cycle.',
    ],
  }),
];
