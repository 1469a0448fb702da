/**
 * `import mbox` of 10,000 messages (2,000 with --quick) into an empty desk, in process: read, split,
 * parsed, threaded (a fifth are replies to earlier ones, so they are added to those tickets) and
 * written in one transaction; against mailparser alone parsing the same messages of the same file with
 * the same options (the file read whole and split on its From lines). Target: ≥ 0.5× mailparser's
 * messages per second.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { openDatabase } from '../../src/db/database.js';
import { checkedItems } from '../../src/io/import-check.js';
import { readMbox } from '../../src/io/mail-import.js';
import { PARSER_OPTIONS } from '../../src/io/mail-message.js';
import { runImport } from '../../src/store/import.js';
import { benchDesk } from '../lib/env.js';
import type { Measurement, Scenario } from '../lib/scenario.js';
import { median } from '../lib/stats.js';

const BODY = [
  'Hello support,',
  '',
  'since this morning the VPN client drops the connection every ten minutes. I restarted the laptop and',
  'the docking station; it keeps happening on the office Wi-Fi and at home. Olá from Lisboa — merci.',
  '',
  'Ana',
].join('\n');

export function mbox(count: number): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const reply = i % 5 === 4;
    const id = `<bench-${i}@mail.example.com>`;
    const headers = [
      `From user${i % 300}@example.com Mon Jul 20 09:00:00 2025`,
      `Message-ID: ${id}`,
      `Date: Mon, 20 Jul 2025 09:${String(i % 60).padStart(2, '0')}:00 +0000`,
      `From: =?UTF-8?Q?Ana_Silva_${i % 300}?= <user${i % 300}@example.com>`,
      'To: support@helpdesk.example.com',
      `Subject: ${reply ? 'Re: ' : ''}=?UTF-8?Q?VPN_n=C3=A3o_liga_${i}?=`,
      ...(reply ? [`In-Reply-To: <bench-${i - 1}@mail.example.com>`, `References: <bench-${i - 1}@mail.example.com>`] : []),
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: 8bit',
    ];
    parts.push(`${headers.join('\n')}\n\n${BODY}\n${i}\n\n`);
  }
  return parts.join('');
}

async function mailparserAlone(path: string): Promise<number> {
  const started = performance.now();
  const text = readFileSync(path);
  const messages = text.toString('latin1').split(/\n(?=From )/);
  for (const m of messages) await simpleParser(Buffer.from(m.slice(m.indexOf('\n') + 1), 'latin1'), PARSER_OPTIONS);
  return messages.length / ((performance.now() - started) / 1000);
}

async function imported(path: string, count: number): Promise<number> {
  const desk = benchDesk();
  try {
    const db = await openDatabase(desk.env.DESKLINE_DB);
    try {
      const started = performance.now();
      const io = { advance: () => undefined, note: () => undefined, stdin: process.stdin };
      const summary = await runImport(db, checkedItems(readMbox([path], {}, io)), {
        actor: 'bench',
        now: Date.now(),
        dryRun: false,
        keepLines: false,
      });
      const seconds = (performance.now() - started) / 1000;
      if (summary.created + summary.updated !== count)
        throw new Error(`import mbox: ${summary.created} created, ${summary.updated} updated of ${count}`);
      return count / seconds;
    } finally {
      await db.close();
    }
  } finally {
    desk.dispose();
  }
}

export const scenario: Scenario = {
  name: 'import-mbox',
  async run({ quick }) {
    const count = quick ? 2000 : 10_000;
    const rounds = quick ? 2 : 3;
    const folder = benchDesk('deskline-bench-mbox-');
    const path = join(folder.dir, 'inbox.mbox');
    writeFileSync(path, mbox(count));
    const ours: number[] = [];
    const alone: number[] = [];
    try {
      for (let r = 0; r < rounds; r++) {
        alone.push(await mailparserAlone(path));
        ours.push(await imported(path, count));
      }
    } finally {
      folder.dispose();
    }
    const m: Measurement = {
      label: `import mbox: ${count.toLocaleString('en-US')} messages (a fifth replies)`,
      unit: 'rows/s',
      samples: ours,
      baseline: { label: 'mailparser alone parsing the same messages', samples: alone },
      target: { op: '>=', value: 0.5 },
      extra: { 'messages/s': Math.round(median(ours)), 'mailparser messages/s': Math.round(median(alone)) },
    };
    return [m];
  },
};
