/** Demo ticket templates: hardware, software and the rest (in the order the generator draws them; see ./templates.ts). */
import { t } from './template.js';

export const TEMPLATES_DEVICES = [
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
