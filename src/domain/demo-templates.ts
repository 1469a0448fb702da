/* eslint-disable max-lines -- #12: over 200 lines, to be split by the restructure */
/**
 * Demo data, the problems: what really lands on an IT desk, as ticket templates. Patterns use
 * `{placeholder}`s from PLACES (demo-catalog.ts) plus `{first}` (the requester's first name),
 * `{person}` (someone else: a new starter, a leaver), `{dept}` and `{case}`. Pure data.
 */
import type { Priority, Tier } from './ticket.js';

export interface TicketTemplate {
  category: 'hardware' | 'software' | 'network' | 'account' | 'access' | 'email' | 'printer' | 'other';
  /** The typical priority; the generator mixes it with the desk-wide priority spread. */
  priority: Priority;
  /** How often it comes in, relative to the others. */
  weight: number;
  tier?: Tier;
  tags: readonly string[];
  /** Title and description pairs: what the requester wrote. */
  cases: readonly (readonly [title: string, description: string])[];
  /** Resolution texts (also the gist of the closing reply). */
  fixes: readonly string[];
  /** Requests come from this department (onboarding from HR …). */
  from?: string;
  /** Raised by monitoring as often as by people. */
  monitored?: boolean;
}

const t = (x: TicketTemplate) => x;

export const TEMPLATES: readonly TicketTemplate[] = [
  t({
    category: 'account',
    priority: 'normal',
    weight: 12,
    tags: ['password', 'account'],
    cases: [
      [
        'Password reset',
        "Hi, I've been away for two weeks and my password no longer works. The self-service reset says my phone number isn't registered. Can you reset it please?",
      ],
      [
        "Password expired, can't log in to {app}",
        "My password expired this morning and now {app} won't let me in. I'm on the {floor} at {site}.",
      ],
      [
        'Forgot my password after holiday',
        "Back from leave and I can't remember my password. Tried three times, don't want to get locked out.",
      ],
      ['Password not accepted on {laptop}', 'My {laptop} says the password is incorrect, but it works on the web. I changed it yesterday.'],
    ],
    fixes: [
      'Reset the password in AD and had the user set a new one at the lock screen.',
      'Registered the user for self-service reset and walked them through it.',
      'Password reset; cleared cached credentials in Credential Manager.',
    ],
  }),
  t({
    category: 'account',
    priority: 'high',
    weight: 6,
    tags: ['account', 'lockout'],
    cases: [
      ['Account locked out', 'Can\'t log in at all: "Your account has been locked". I have a client call in 30 minutes.'],
      [
        'AD account keeps locking every hour',
        'My account keeps locking itself. I changed my password on Monday and since then I get locked out every hour or so.',
      ],
      ['Locked out of {app}', '{app} says my account is locked after too many attempts. I was sure I typed it right.'],
    ],
    fixes: [
      "Unlocked the account; the old password was saved in the mail app on the user's {phone}, updated it there.",
      'Unlocked; a mapped drive with stale credentials was retrying. Removed and re-mapped it.',
      'Unlocked the account and confirmed a successful sign-in.',
    ],
  }),
  t({
    category: 'account',
    priority: 'normal',
    weight: 5,
    tags: ['mfa', 'authenticator'],
    cases: [
      ['MFA enrolment for new phone', "I got a new {phone} and the Authenticator app didn't move over. Now I can't approve sign-ins."],
      [
        'Authenticator app not prompting for approval',
        'The Authenticator notifications stopped arriving on my {phone}. Sign-in just times out.',
      ],
      ['Lost phone: need MFA reset', "I lost my phone on the train yesterday. I can't sign in to anything without the Authenticator."],
    ],
    fixes: [
      'Required re-registration of MFA methods; user enrolled the new {phone}.',
      "Removed the old device from the user's MFA methods and re-enrolled.",
      'Issued a temporary access pass and the user set up Authenticator again.',
    ],
  }),
  t({
    category: 'account',
    priority: 'high',
    weight: 2,
    tags: ['bitlocker', 'laptop'],
    cases: [
      [
        'BitLocker asking for recovery key',
        'After the BIOS update last night my {laptop} shows a blue BitLocker screen asking for a 48-digit recovery key.',
      ],
    ],
    fixes: ['Read out the recovery key from Intune over the phone; laptop booted, suspended and resumed BitLocker.'],
  }),
  t({
    category: 'printer',
    priority: 'low',
    weight: 4,
    tags: ['printer', 'jam'],
    cases: [
      ['Paper jam in {printer}', "The {printer} has a paper jam again. We've opened every door and can't see anything stuck."],
      ['{printer} keeps jamming on tray 2', 'Every few pages from tray 2 jam on the {printer}. Tray 1 is fine.'],
      [
        '{printer} shows "Paper jam" but there\'s no paper in it',
        "The display on the {printer} says paper jam, we checked everywhere and it's empty.",
      ],
    ],
    fixes: [
      'Cleared a torn sheet from the fuser area and cleaned the pickup rollers.',
      'Replaced the tray 2 pickup roller; test pages fine.',
      'Sensor flag was stuck; freed it and ran a test print.',
    ],
  }),
  t({
    category: 'printer',
    priority: 'normal',
    weight: 3,
    tags: ['printer', 'driver'],
    cases: [
      [
        "Can't print to {printer} from {laptop}",
        'Since the update on {weekday} nothing prints to {printer}. The job appears in the queue then disappears.',
      ],
      ['Printer driver missing after update: {printer}', 'After the Windows update the {printer} has gone from my printer list.'],
      [
        'Print jobs stuck in the queue for {printer}',
        'Everyone\'s jobs to {printer} are stuck as "Spooling". Colleagues on the {floor} have the same.',
      ],
    ],
    fixes: [
      'Removed and re-added the printer from the print server; driver reinstalled.',
      'Restarted the spooler on PRINT01 and cleared stuck jobs.',
      'Pushed the Universal Print driver via Intune.',
    ],
  }),
  t({
    category: 'printer',
    priority: 'low',
    weight: 3,
    tags: ['printer', 'toner'],
    cases: [
      ['Toner low on {printer}', '{printer} says toner low. Do we have a spare cartridge?'],
      ['Prints faded and streaky on {printer}', 'Everything from the {printer} comes out faded with a grey streak down the left.'],
    ],
    fixes: ['Replaced the black toner cartridge; ordered two spares.', 'Replaced the drum unit; print quality back to normal.'],
  }),
  t({
    category: 'network',
    priority: 'high',
    weight: 6,
    tags: ['vpn', 'remote'],
    cases: [
      ["VPN won't connect from home", 'Working from home today and the VPN fails with {vpnerror}. Internet works fine otherwise.'],
      ['GlobalProtect stuck on "Connecting…"', 'The VPN client just spins on "Connecting…" and never gets there. Rebooted twice.'],
      ['VPN drops every 10 minutes', 'The VPN connects and then drops every few minutes, which kills my {app} session.'],
    ],
    fixes: [
      'Reinstalled the VPN client and refreshed the certificate.',
      "Home router was using the same subnet as the office; changed the router's LAN range.",
      'Cleared the saved portal and re-authenticated with MFA; stable since.',
    ],
  }),
  t({
    category: 'network',
    priority: 'normal',
    weight: 4,
    tags: ['wifi', 'network'],
    cases: [
      [
        'Wi-Fi keeps dropping in {room}',
        'Wi-Fi drops out every few minutes in {room}, Teams calls freeze. Several of us have the same problem.',
      ],
      [
        "Can't join Corp-Secure Wi-Fi at {site}",
        'My laptop won\'t connect to Corp-Secure at {site}; it says "Can\'t connect to this network".',
      ],
      ['Very slow Wi-Fi on the {floor}', 'Wi-Fi on the {floor} has been painfully slow since this morning: pages take ages to load.'],
    ],
    fixes: [
      'Access point was rebooting on a faulty PoE port; moved it to another port.',
      'Reissued the Wi-Fi certificate to the laptop via Intune.',
      'Updated the wireless driver; no drops since.',
    ],
  }),
  t({
    category: 'network',
    priority: 'urgent',
    weight: 1.2,
    tier: 'L2',
    tags: ['outage', 'network'],
    cases: [
      ['Internet down at {site}', 'Nothing is working at {site}: no internet, no Teams, no file shares. About 40 people affected.'],
      ['Whole {floor} lost network', 'Everyone on the {floor} lost the network at the same time, wired and Wi-Fi.'],
    ],
    fixes: [
      'ISP line fault; failed over to the backup circuit, ISP repaired the fibre.',
      'Floor switch had a failed power supply; replaced it.',
    ],
  }),
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
  t({
    category: 'hardware',
    priority: 'high',
    weight: 2,
    tier: 'L2',
    tags: ['disk', 'server'],
    monitored: true,
    cases: [
      ['Disk space low on {server} ({drive} {percent})', 'Alert: free space on {server} {drive} is below threshold ({percent} used).'],
    ],
    fixes: [
      'Cleared old IIS logs and shadow copies; 140 GB free.',
      'Extended the volume by 200 GB after approval.',
      'Moved old backups to archive storage.',
    ],
  }),
  t({
    category: 'hardware',
    priority: 'normal',
    weight: 5,
    tags: ['performance', 'laptop'],
    cases: [
      [
        'Laptop very slow since the update',
        'My {laptop} has become really slow over the past week. Fans are loud and {app} takes minutes to open.',
      ],
      ['{laptop} takes ten minutes to boot', 'From power on to usable takes about ten minutes every morning.'],
      ['Everything freezes when I open {app}', 'As soon as {app} opens the whole laptop freezes for a minute or two.'],
    ],
    fixes: [
      'Removed startup bloat and a stuck OneDrive sync; boot time back to a minute.',
      'Upgraded RAM from 8 to 16 GB.',
      'Replaced a failing SSD and restored the user profile.',
    ],
  }),
  t({
    category: 'hardware',
    priority: 'normal',
    weight: 2,
    tags: ['hardware', 'repair'],
    cases: [
      ['Cracked screen on {laptop}', "Dropped my {laptop} and the screen has cracked in the corner. It still works but it's spreading."],
      ['Keyboard keys not working on {laptop}', 'The E, R and T keys on my {laptop} stopped working.'],
      ["Laptop won't charge", "The charging light doesn't come on with two different chargers."],
    ],
    fixes: ['Swapped for a loan laptop; repaired under warranty by {vendor}.', 'Replaced the part under warranty.'],
  }),
  t({
    category: 'hardware',
    priority: 'urgent',
    weight: 0.6,
    tier: 'L2',
    tags: ['vip', 'laptop'],
    cases: [
      [
        "CFO's laptop won't power on before board meeting",
        "The CFO's {laptop} won't turn on and the board meeting starts in an hour in {room}.",
      ],
    ],
    fixes: ['Swapped to a pre-built spare, restored files from OneDrive; presentation ran on time.'],
  }),
  t({
    category: 'hardware',
    priority: 'normal',
    weight: 4,
    tags: ['dock', 'monitor'],
    cases: [
      ['Second monitor not detected on {dock}', 'Only the laptop screen works when I plug into the {dock} at my desk on the {floor}.'],
      ['{dock}: no display after firmware update', 'Since the firmware update the {dock} gives no picture on either monitor.'],
      ['{monitor} flickering', 'My {monitor} flickers and goes black for a second every few minutes.'],
    ],
    fixes: ['Updated the dock firmware and display driver.', 'Swapped the faulty DisplayPort cable.', 'Replaced the faulty unit.'],
  }),
  t({
    category: 'hardware',
    priority: 'low',
    weight: 3,
    tags: ['phone', 'headset'],
    cases: [
      ['{headset}: no audio in Teams calls', "People can't hear me on calls with my {headset}. It works on my phone."],
      ['Desk phone shows "Registering"', 'My desk phone has said "Registering" since this morning and I can\'t make calls.'],
    ],
    fixes: ['Set the headset as the default device in Teams and updated its firmware.', 'Re-provisioned the desk phone.'],
  }),
  t({
    category: 'hardware',
    priority: 'low',
    weight: 2,
    tags: ['request', 'hardware'],
    cases: [
      ['Request: second monitor', 'Could I get a second monitor for my desk on the {floor}? My manager is fine with it.'],
      ['Request: ergonomic keyboard and mouse', 'Occupational health recommended an ergonomic keyboard and vertical mouse.'],
      ['Request: replacement {headset}', 'The ear cushion on my {headset} has split. Could I get a replacement?'],
    ],
    fixes: ['Delivered and set up at the desk.', 'Ordered via procurement and delivered.'],
  }),
  t({
    category: 'software',
    priority: 'low',
    weight: 5,
    tags: ['install', 'request'],
    cases: [
      ['Please install {app}', 'Could you install {app} on my laptop? I need it for a project starting next week.'],
      ['Request: {app} for the {dept} team', 'The {dept} team needs {app} on four laptops; cost centre approved.'],
    ],
    fixes: ['Published {app} to the user in Company Portal; installed.', 'Installed {app} remotely.'],
  }),
  t({
    category: 'software',
    priority: 'low',
    weight: 3,
    tags: ['licence', 'request'],
    cases: [
      ['Licence request: {app}', 'I need a {app} licence for my new role. My manager has approved.'],
      ['{app} says my licence has expired', '{app} says my licence has expired and I can only view files.'],
    ],
    fixes: ['Assigned a licence from the pool after manager approval.', 'Reassigned a licence from a leaver.'],
  }),
  t({
    category: 'software',
    priority: 'normal',
    weight: 3,
    tags: ['crash'],
    cases: [
      ['{app} crashes on start-up', '{app} closes as soon as I open it, no error message. Started after the update on {weekday}.'],
      ['{app} freezes when opening large files', '{app} hangs for minutes on any file over 50 MB, then says "Not responding".'],
    ],
    fixes: ["Repaired the install and reset the user's {app} settings.", 'Rolled back to the previous version pending a vendor fix.'],
  }),
  t({
    category: 'software',
    priority: 'normal',
    weight: 3,
    tags: ['teams', 'audio'],
    cases: [
      ['Teams camera not working', 'In Teams calls my camera shows a black square; it works in the Camera app.'],
      ["Can't share my screen in Teams", 'The share button is greyed out in every Teams meeting.'],
      ['Teams meetings drop after five minutes', 'Every Teams meeting drops me after about five minutes and I have to rejoin.'],
    ],
    fixes: ['Cleared the Teams cache and granted camera permission.', 'Reinstalled the new Teams client.'],
  }),
  t({
    category: 'software',
    priority: 'urgent',
    weight: 1,
    tier: 'L3',
    tags: ['outage', 'erp'],
    cases: [
      ['SAP not responding for all of {dept}', 'Since 9:10 nobody in {dept} can get into SAP; it hangs at the login screen.'],
      ["Salesforce down: Sales can't log calls", 'Salesforce gives a single sign-on error for the whole Sales team.'],
    ],
    fixes: [
      'Application server ran out of memory after a stuck batch job; killed the job and restarted the service.',
      'Expired certificate on the SSO proxy; renewed.',
    ],
  }),
  t({
    category: 'other',
    priority: 'normal',
    weight: 3,
    tags: ['restore', 'backup'],
    cases: [
      ['Restore deleted folder from {share}', 'I deleted a folder on {share} by mistake this morning. Can it be restored from last night?'],
      [
        "Accidentally overwrote a spreadsheet: need yesterday's version",
        "I saved over the forecast workbook on {share}. Yesterday's version would be perfect.",
      ],
    ],
    fixes: ["Restored the folder from last night's snapshot.", 'Restored the previous version from version history.'],
  }),
  t({
    category: 'other',
    priority: 'low',
    weight: 1.5,
    tags: ['calendar', 'room'],
    cases: [
      ['{room} calendar not accepting bookings', 'Bookings for {room} get declined automatically.'],
      ["Screen in {room} won't show my laptop", 'The screen in {room} says "No signal" when I plug in.'],
    ],
    fixes: ['Fixed the room mailbox booking policy.', 'Replaced the HDMI cable in the room.'],
  }),
  t({
    category: 'other',
    priority: 'low',
    weight: 1,
    tags: ['usb', 'security'],
    cases: [['USB drive blocked: need to copy files for a client', 'A client gave me files on a USB stick and the laptop blocks it.']],
    fixes: ["Scanned and copied the files to the user's OneDrive; USB policy unchanged."],
  }),
];
