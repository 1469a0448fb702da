/** Demo ticket templates: accounts, printers and the network (in the order the generator draws them; see ./templates.ts). */
import { t } from './template.js';

export const TEMPLATES_DESK = [
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
];
