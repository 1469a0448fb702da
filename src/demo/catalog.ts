/**
 * Demo data, people and places: departments, the technicians of the desk, and the variations
 * ticket titles draw from (printers, apps, sites …). Pure data, no logic. Names: ./first-names.ts, ./last-names.ts.
 */
import type { Tier } from '../domain/ticket.js';

export { FIRST_NAMES } from './first-names.js';
export { LAST_NAMES } from './last-names.js';

/** Departments with their relative headcount (weights). */
export const DEPARTMENTS: Readonly<Record<string, number>> = {
  Sales: 16,
  'Customer Support': 14,
  Engineering: 14,
  Operations: 12,
  Finance: 10,
  Marketing: 8,
  HR: 6,
  Procurement: 5,
  Legal: 4,
  Facilities: 4,
  Executive: 2,
};

export interface DemoTechnicianSeed {
  name: string;
  tier: Tier;
}

/** The desk: 11 first-line, 6 second-line, 3 specialists. Emails are made from the names. */
export const TECHNICIANS: readonly DemoTechnicianSeed[] = [
  { name: 'Sam Okafor', tier: 'L1' },
  { name: 'Priya Nair', tier: 'L1' },
  { name: 'Tom Becker', tier: 'L1' },
  { name: 'Lucía Moreno', tier: 'L1' },
  { name: 'Kofi Asante', tier: 'L1' },
  { name: 'Hannah Price', tier: 'L1' },
  { name: 'Diego Ramos', tier: 'L1' },
  { name: 'Aiko Mori', tier: 'L1' },
  { name: 'Ben Carter', tier: 'L1' },
  { name: 'Zara Malik', tier: 'L1' },
  { name: 'Owen Rees', tier: 'L1' },
  { name: 'Marta Kowalczyk', tier: 'L2' },
  { name: 'Ravi Menon', tier: 'L2' },
  { name: 'Claire Dupont', tier: 'L2' },
  { name: 'Jonas Berg', tier: 'L2' },
  { name: 'Fiona Gallagher', tier: 'L2' },
  { name: 'Ade Bakare', tier: 'L2' },
  { name: 'Nikolai Petrov', tier: 'L3' },
  { name: 'Grace Liu', tier: 'L3' },
  { name: 'Matteo Ricci', tier: 'L3' },
];

export const EMAIL_DOMAIN = 'example.com';

/**
 * Variations a title, description or interaction text picks from: `{printer}` in a pattern draws
 * one entry of PLACES.printer, and every later `{printer}` in the same ticket reuses it.
 */
export const PLACES: Readonly<Record<string, readonly string[]>> = {
  site: ['London HQ', 'Manchester office', 'Lisbon office', 'Berlin office', 'New York office', 'Leeds warehouse', 'Dublin office'],
  floor: ['ground floor', '1st floor', '2nd floor', '3rd floor', '4th floor', '5th floor'],
  room: ['meeting room 3.12', 'the boardroom', 'training room B', 'the hot-desk area', 'meeting room 2.04', 'the canteen', 'reception'],
  printer: [
    'HP LaserJet 4th floor',
    'HP LaserJet M607 (2nd floor)',
    'Canon iR-ADV C5535 at reception',
    'Xerox VersaLink in Finance',
    'Ricoh IM C3000 (3rd floor)',
    'Brother HL-L6200 in the warehouse',
    'Kyocera TASKalfa by the post room',
    'HP Color LaserJet in Marketing',
    'the label printer in Dispatch',
    'Canon plotter in Engineering',
  ],
  app: [
    'Excel',
    'Teams',
    'Zoom',
    'Salesforce',
    'SAP GUI',
    'Adobe Acrobat Pro',
    'Visio',
    'Slack',
    'Jira',
    'AutoCAD',
    'Power BI',
    'Sage 50',
    'DocuSign',
    'Tableau',
    'Visual Studio Code',
    'Docker Desktop',
    'Photoshop',
    'Xero',
    'Workday',
    'Zendesk',
  ],
  laptop: [
    'Dell Latitude 5440',
    'Lenovo ThinkPad T14',
    'MacBook Pro 14"',
    'HP EliteBook 840',
    'Surface Laptop 5',
    'Dell XPS 13',
    'ThinkPad X1 Carbon',
  ],
  dock: ['Dell WD19 dock', 'Lenovo USB-C dock', 'CalDigit TS4 dock', 'HP Thunderbolt dock G4', 'the hot-desk docking station'],
  monitor: ['Dell P2723D monitor', 'LG 27" UltraFine', 'Samsung 34" ultrawide', 'HP E24 monitor'],
  headset: [
    'Jabra Evolve2 65 headset',
    'Poly Voyager Focus 2',
    'Yealink T54W desk phone',
    'Cisco 8845 desk phone',
    'Logitech Zone Wireless',
  ],
  phone: ['iPhone 15', 'iPhone 13', 'Samsung Galaxy S23', 'Pixel 8', 'company iPhone SE'],
  os: ['Windows 11 23H2', 'Windows 11 24H2', 'Windows 10 22H2', 'macOS Sonoma', 'macOS Sequoia'],
  kb: ['KB5034441', 'KB5036893', 'KB5039212', 'KB5040442', 'KB5041585', 'KB5043076', 'KB5044284'],
  mailbox: ['invoices@', 'hr-recruitment@', 'sales-ops@', 'support@', 'legal-contracts@', 'facilities@', 'payroll@', 'marketing-events@'],
  share: [
    '\\\\fs01\\Finance\\Month-end',
    'the "Marketing Assets" SharePoint site',
    'the "Q3 Campaign" Teams channel',
    'S:\\Sales\\Forecasts',
    '\\\\fs02\\Projects\\Engineering',
    'the HR Confidential SharePoint',
    'the Legal contracts library',
    'her OneDrive Documents folder',
  ],
  server: ['FS01', 'FS02', 'SQL-PROD-02', 'APP-SAP-01', 'PRINT01', 'DC02', 'BACKUP01'],
  drive: ['D:', 'E:', 'C:'],
  percent: ['91%', '93%', '95%', '97%', '98%', '99%'],
  vendor: ['Dell', 'HP', 'Lenovo', 'Microsoft', 'the ISP', 'Cisco TAC', 'Ricoh', 'Apple', 'SAP support'],
  weekday: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
  error: ['0x800f0922', '0x80070005', '0x8024a105', '0x80073712', '0x800f081f'],
  vpnerror: ['"Gateway not responding"', '"Authentication failed"', '"Connecting…" forever', '"The network connection was aborted"'],
  sender: [
    '"IT Service Desk" <helpdesk@micros0ft-support.com>',
    '"DocuSign" <docs@secure-sign-review.net>',
    '"Accounts" <invoice@payment-overdue.co>',
    '"CEO" <ceo.office@gmail.com>',
  ],
};

/** Who holds a ticket up while it waits on a third party, and why. */
export const ESCALATION_REASONS: readonly string[] = [
  'needs admin rights on the server',
  'network change required on the core switch',
  'beyond the L1 runbook',
  'needs a vendor case opened',
  'root cause looks like a GPO problem',
  'affects several users: possible wider incident',
];
