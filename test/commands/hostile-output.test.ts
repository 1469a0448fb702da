/**
 * Issue 14.3: hostile text in every stored field and in every argument that is echoed back. Every
 * command's human output, its errors, CSV on a terminal and JSON are run, and no escape sequence,
 * control, bidi or invisible character reaches stdout or stderr (text is stored as it came:
 * the data is old, imported, or written by another tool).
 */
import { describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';
import { rawDesk, tempEnv } from '../helpers/temp.js';

/** Each piece is something a terminal acts on or that hides or reorders text. */
const HOSTILE = [
  '\x1b]8;;http://evil.example\x07link\x1b]8;;\x07',
  '\x1b[2J\x1b[31mred\x1b[0m',
  '\x9b31m c1\x9d0;title\x9c',
  '\x1bP1$r\x1b\\dcs',
  'bidi \u202ereversed\u202c \u2066iso\u2069',
  'zw\u200bsp l\u200erm\u200f ar\u0600\u0605 \u2060wj \ufeffbom \u{e0041}tag',
  'bell\x07 bs\x08 del\x7f\x85nel',
  'multi\nline\r\ntitle\u2028sep',
].join(' · ');
/** The same without line breaks: one-line fields refuse those (issue 14.6). */
const ONE_LINE = HOSTILE.replace(/[\r\n\u2028\x85]/g, ' ');

/** Outside `\n`: ESC and every C0/C1 control, DEL, bidi controls and the other format characters (Cf, issue 13.10). */
const FORBIDDEN = /[\x00-\x09\x0b-\x1f\x7f-\x9f]|\p{Cf}/u;

function expectSafe(args: readonly string[], r: CliResult): void {
  for (const [name, text] of [
    ['stdout', r.stdout],
    ['stderr', r.stderr],
  ] as const) {
    const bad = FORBIDDEN.exec(text);
    expect(bad, `${args.join(' ')}: ${name} has U+${bad?.[0].codePointAt(0)!.toString(16).padStart(4, '0')}`).toBeNull();
  }
}

/** A desk where every text a command may print holds the hostile string. */
async function hostileDesk(): Promise<Record<string, string>> {
  const env = tempEnv();
  const steps = [
    ['technician', 'add', 'Sam Okafor', '-e', 'sam@example.com', '--tier', 'L2'],
    ['requester', 'add', 'Ana Silva', '-e', 'ana@example.com', '--phone', '555', '--department', 'Finance'],
    [
      'ticket',
      'create',
      '-t',
      'VPN down',
      '-r',
      'ana@example.com',
      '-a',
      'sam@example.com',
      '--tag',
      'vpn',
      '-d',
      'desc',
      '--external-id',
      'x-1',
    ],
    ['ticket', 'create', '-t', 'Printer jam', '-p', 'urgent', '-r', 'ana@example.com'],
    ['ticket', 'comment', 'HD-1', '--note', 'a note'],
    ['ticket', 'resolve', 'HD-2', '--resolution', 'fixed'],
    ['kb', 'add', '--title', 'VPN guide', '--body', 'Reset the VPN client', '--status', 'published'],
    ['kb', 'link', 'HD-1', 'KB-1'],
    ['sla', 'holiday', 'add', '2030-01-01', 'New', 'year'],
  ];
  for (const s of steps) expect((await runCli(s, { env })).code, s.join(' ')).toBe(0);
  rawDesk(env, (db) => {
    const h = (tag: string) => `${tag} ${HOSTILE} vpn`;
    db.prepare('UPDATE technicians SET name = ?').run(h('tech'));
    db.prepare('UPDATE requesters SET name = ?, phone = ?, department = ?').run(h('req'), h('phone'), h('dept'));
    db.prepare('UPDATE tickets SET title = ?, description = ?, resolution = ?, external_id = ? || id').run(
      h('title'),
      h('desc'),
      h('res'),
      h('ext'),
    );
    db.prepare('UPDATE interactions SET body = ?, author_name = ?').run(h('body'), h('author'));
    db.prepare('UPDATE audit_events SET actor = ?, new_value = ?').run(h('actor'), h('new'));
    db.prepare('UPDATE kb_articles SET title = ?, body = ?, author_name = ?').run(
      h('kbtitle'),
      `# ${h('head')}\n\n${h('para')}\n`,
      h('kbauthor'),
    );
    db.prepare('UPDATE kb_revisions SET actor = ?, note = ?').run(h('kbactor'), h('kbnote'));
    db.prepare('UPDATE sla_holidays SET name = ?').run(h('holiday'));
  });
  return env;
}

const HUMAN: string[][] = [
  ['ticket', 'list'],
  [
    'ticket',
    'list',
    'status:new,open,pending,on_hold,resolved,closed',
    '--columns',
    'ref,prio,status,age,due,requester,assignee,tier,category,channel,created,updated,title',
  ],
  ['ticket', 'list', 'vpn'],
  ['ticket', 'show', 'HD-1'],
  ['ticket', 'show', 'HD-2'],
  ['ticket', 'show', 'HD-1', '--why'],
  ['ticket', 'history', 'HD-1'],
  ['ticket', 'update', 'HD-1', '--priority', 'low'],
  ['ticket', 'update', 'HD-1', '--title', `new ${ONE_LINE}`],
  ['ticket', 'assign', 'HD-1', '--to', 'sam@example.com'],
  ['ticket', 'comment', 'HD-1', '--reply', HOSTILE],
  ['ticket', 'escalate', 'HD-1', '--to', 'L3', '--reason', HOSTILE],
  ['ticket', 'reopen', 'HD-2', '--reason', HOSTILE],
  ['ticket', 'resolve', 'HD-2', '--resolution', HOSTILE],
  ['ticket', 'create', '-t', ONE_LINE, '-d', HOSTILE],
  ['ticket', 'create', '-t', ONE_LINE, '--dry-run'],
  ['kb', 'search', 'vpn'],
  ['kb', 'search', `${HOSTILE} nothing-like-this`],
  ['kb', 'show', 'KB-1'],
  ['kb', 'show', 'KB-1', '--raw'],
  ['kb', 'history', 'KB-1'],
  ['kb', 'suggest', 'HD-1'],
  ['kb', 'draft', 'HD-1'],
  ['requester', 'list'],
  ['requester', 'show', 'ana@example.com'],
  ['technician', 'list'],
  ['report', 'backlog', '--by', 'assignee'],
  ['report', 'sla', '--by', 'assignee'],
  ['report', 'times', '--by', 'assignee'],
  ['report', 'volume'],
  ['report', 'workload'],
  ['sla', 'policy', 'list'],
  ['sla', 'calendar', 'show'],
  ['sla', 'holiday', 'list'],
  ['sla', 'holiday', 'add', '2030-12-25', ONE_LINE],
  ['sla', 'breaches'],
  ['config', 'list'],
];

/** Errors that repeat what was typed. */
const ECHOES: string[][] = [
  ['ticket', 'show', 'HD-\x1b]8;;x\x07'],
  ['ticket', 'show', '\x9b2J\u202e7'],
  ['ticket', 'assign', 'HD-1', '--to', '\x1b[32mgreen\x1b[0m\nsecond line'],
  ['ticket', 'list', 'prio:\x1b[31mhigh'],
  ['ticket', 'list', '--columns', 'ref,\x1b]0;t\x07'],
  ['ticket', 'update', '--where', 'tag:\x1b[2J', '--status', 'closed', '--yes'],
  ['ticket', 'list', '--\x1b[31mcolour'],
  ['\x1b[2Jticket'],
  ['kb', 'show', '\x1b]8;;http://x\x07slug'],
  ['requester', 'show', '\u202eana\x9b'],
  ['config', 'set', '\x1b[1mkey', 'v'],
  ['sla', 'calendar', 'show', '\x1b[5mcal'],
  ['ticket', 'create', '--from-json', '/nonexistent/\x1b[31m.json'],
];

describe('no control or invisible character reaches the terminal', () => {
  it('from any command’s human output, with hostile text in every field', async () => {
    const env = await hostileDesk();
    for (const args of HUMAN) {
      const r = await runCli(args, { env });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expectSafe(args, r);
    }
    // The raw edits broke the audit chain: db check says so (exit 5), in safe text.
    const check = await runCli(['db', 'check'], { env });
    expect(check.code).toBe(5);
    expectSafe(['db', 'check'], check);
  });

  it('from error messages that echo the input: one line each', async () => {
    const env = await hostileDesk();
    for (const args of ECHOES) {
      const r = await runCli(args, { env });
      expect(r.code, args.join(' ')).not.toBe(0);
      expectSafe(args, r);
      expect(r.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });

  it('multi-line titles print on one line', async () => {
    const env = await hostileDesk();
    const show = await runCli(['ticket', 'show', 'HD-1'], { env });
    expect(show.stdout.split('\n')[0]).toMatch(/^HD-1 {2}title .* vpn$/);
    const list = await runCli(['ticket', 'list', '--columns', 'ref,title'], { env });
    expect(list.stdout.trimEnd().split('\n')).toHaveLength(2);
    const created = await runCli(['ticket', 'create', '--from-json', '-'], { env, stdin: JSON.stringify({ title: 'a\x1b[2Jb\u202ec' }) });
    expect(created.stdout).toBe('created HD-3  abc\n');
  });

  it('--csv on a terminal is sanitised; our own colours survive on a colour terminal, the text’s never', async () => {
    const env = await hostileDesk();
    for (const args of [
      ['ticket', 'list', '--csv'],
      ['report', 'backlog', '--by', 'assignee', '--csv'],
    ]) {
      const r = await runCli(args, { env, stdoutColumns: 120 });
      expect(r.code).toBe(0);
      expectSafe(args, r);
    }
    const { NO_COLOR: _, ...colour } = env;
    const r = await runCli(['ticket', 'list', 'status:resolved', '--columns', 'ref,prio,title'], {
      env: { ...colour, TERM: 'xterm' },
      stdoutColumns: 200,
    });
    expect(r.stdout).toContain('\x1b[31murgent');
    expect(r.stdout.replace(/\x1b\[[0-9;]*m/g, '')).not.toMatch(FORBIDDEN);
  });

  it('--json escapes C1 controls and format characters and still round-trips', async () => {
    const env = await hostileDesk();
    const r = await runCli(['ticket', 'show', 'HD-1', '--json'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]|\p{Cf}/u);
    expect(r.stdout).toContain('\\u009b');
    expect(r.stdout).toContain('\\u009d');
    expect(JSON.parse(r.stdout).ticket.title).toBe(`title ${HOSTILE} vpn`);
  });
});
