import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatQuery, parseQuery, QueryError, SORT_KEYS, type Filter, type ParsedQuery } from '../../src/domain/query.js';
import { CHANNELS, OPEN_STATUSES, PRIORITIES, STATUSES } from '../../src/domain/ticket.js';

const filters = (input: string): Filter[] => parseQuery(input).filters;
const one = (input: string): Filter => {
  const f = filters(input);
  expect(f).toHaveLength(1);
  return f[0]!;
};

/** The QueryError a query throws (fails the test if it parses). */
function error(input: string): QueryError {
  try {
    parseQuery(input);
  } catch (e) {
    expect(e).toBeInstanceOf(QueryError);
    return e as QueryError;
  }
  throw new Error(`expected '${input}' to be rejected`);
}

const DAY = 86_400_000;
const utc = (...parts: [number, number, number, number?, number?, number?, number?]) =>
  Date.UTC(parts[0], parts[1] - 1, ...(parts.slice(2) as number[]));

describe('parseQuery: fields', () => {
  it('parses the example from the issue', () => {
    const q = parseQuery(
      'status:open,pending prio:urgent,high assignee:me assignee:none tier:L2 tag:vpn category:printer requester:ana@example.com created:>2026-11-01 age:>7d updated:>2026-11-20T10:00 due:<2h "free text" -tag:spam sort:-created',
    );
    expect(q).toEqual<ParsedQuery>({
      sort: '-created',
      filters: [
        { field: 'status', negated: false, values: ['open', 'pending'] },
        { field: 'priority', negated: false, values: ['urgent', 'high'] },
        { field: 'assignee', negated: false, values: [{ kind: 'me' }] },
        { field: 'assignee', negated: false, values: [{ kind: 'none' }] },
        { field: 'tier', negated: false, values: ['L2'] },
        { field: 'tag', negated: false, values: ['vpn'] },
        { field: 'category', negated: false, values: ['printer'] },
        { field: 'requester', negated: false, values: ['ana@example.com'] },
        { field: 'created', negated: false, values: [{ op: '>', from: utc(2026, 11, 1), to: utc(2026, 11, 2) }] },
        { field: 'age', negated: false, values: [{ op: '>', ms: 7 * DAY }] },
        { field: 'updated', negated: false, values: [{ op: '>', from: utc(2026, 11, 20, 10), to: utc(2026, 11, 20, 10, 1) }] },
        { field: 'due', negated: false, values: [{ kind: 'cmp', op: '<', ms: 2 * 3_600_000 }] },
        { field: 'text', negated: false, text: 'free text' },
        { field: 'tag', negated: true, values: ['spam'] },
      ],
    });
  });

  it('an empty query has no filters and sorts by urgency', () => {
    expect(parseQuery('')).toEqual({ filters: [], sort: 'urgency' });
    expect(parseQuery('  \t ')).toEqual({ filters: [], sort: 'urgency' });
  });

  it('status: every status, case-insensitive, on-hold spelling, and active = the open statuses', () => {
    for (const s of STATUSES) expect(one(`status:${s}`)).toMatchObject({ values: [s] });
    expect(one('Status:ON-HOLD,Open')).toMatchObject({ field: 'status', values: ['on_hold', 'open'] });
    expect(one('status:active')).toMatchObject({ values: [...OPEN_STATUSES] });
    expect(one('status:open,active,open')).toMatchObject({ values: ['open', 'new', 'pending', 'on_hold'] });
  });

  it('prio and priority, names and p1..p4', () => {
    expect(one('prio:urgent,high')).toMatchObject({ field: 'priority', values: ['urgent', 'high'] });
    expect(one('priority:P1,p2,p3,p4')).toMatchObject({ field: 'priority', values: [...PRIORITIES] });
  });

  it('assignee: me, none, or a person (kept as written)', () => {
    expect(one('assignee:ME,None,"Ana Lima",bob@example.com')).toMatchObject({
      field: 'assignee',
      values: [{ kind: 'me' }, { kind: 'none' }, { kind: 'person', text: 'Ana Lima' }, { kind: 'person', text: 'bob@example.com' }],
    });
  });

  it('tier, channel, tag, category are normalised', () => {
    expect(one('tier:l1,L3')).toMatchObject({ field: 'tier', values: ['L1', 'L3'] });
    for (const c of CHANNELS) expect(one(`channel:${c}`)).toMatchObject({ field: 'channel', values: [c] });
    expect(one('channel:walk-in')).toMatchObject({ values: ['walk_in'] });
    expect(one('tag:VPN,wi-fi,c++')).toMatchObject({ field: 'tag', values: ['vpn', 'wi-fi', 'c++'] });
    expect(one('category:Printer,badges')).toMatchObject({ field: 'category', values: ['printer', 'badges'] });
  });

  it('requester keeps the text, with quotes for spaces and commas', () => {
    expect(one('requester:"Ana Lima","a,b",x@y.z')).toMatchObject({ field: 'requester', values: ['Ana Lima', 'a,b', 'x@y.z'] });
  });

  it('created/updated: each comparison, day or minute/second/ms spans, UTC unless an offset', () => {
    const day = { from: utc(2026, 11, 1), to: utc(2026, 11, 2) };
    expect(one('created:2026-11-01')).toMatchObject({ values: [{ op: '=', ...day }] });
    for (const op of ['=', '>', '>=', '<', '<='] as const) {
      expect(one(`created:${op}2026-11-01`)).toMatchObject({ field: 'created', values: [{ op, ...day }] });
    }
    const t = utc(2026, 11, 20, 10);
    expect(one('updated:<=2026-11-20T10:00')).toMatchObject({ values: [{ op: '<=', from: t, to: t + 60_000 }] });
    expect(one('updated:2026-11-20T10:00:30')).toMatchObject({ values: [{ from: t + 30_000, to: t + 31_000 }] });
    expect(one('updated:2026-11-20T10:00:30.5Z')).toMatchObject({ values: [{ from: t + 30_500, to: t + 30_501 }] });
    expect(one('updated:2026-11-20T10:00+02:00')).toMatchObject({ values: [{ from: t - 2 * 3_600_000 }] });
    expect(one('updated:2026-11-20T10:00-0530')).toMatchObject({ values: [{ from: t + 5.5 * 3_600_000 }] });
    expect(one('created:2026-11-01,>=2026-12-01')).toMatchObject({ values: [{ op: '=' }, { op: '>=' }] });
  });

  it('age and due: comparisons with m/h/d/w; due also overdue, none and negative offsets', () => {
    expect(one('age:>7d,<=2w,>=30m,<1h')).toMatchObject({
      field: 'age',
      values: [
        { op: '>', ms: 7 * DAY },
        { op: '<=', ms: 14 * DAY },
        { op: '>=', ms: 1_800_000 },
        { op: '<', ms: 3_600_000 },
      ],
    });
    expect(one('due:<2h,>1d,overdue,NONE,<-1h')).toMatchObject({
      field: 'due',
      values: [
        { kind: 'cmp', op: '<', ms: 7_200_000 },
        { kind: 'cmp', op: '>', ms: DAY },
        { kind: 'overdue' },
        { kind: 'none' },
        { kind: 'cmp', op: '<', ms: -3_600_000 },
      ],
    });
  });

  it('id and ref take HD-n or n', () => {
    expect(one('id:HD-7,12')).toMatchObject({ field: 'id', values: [7, 12] });
    expect(one('ref:hd-3')).toMatchObject({ field: 'id', values: [3] });
  });

  it('sort: every key; the last sort wins; default urgency', () => {
    for (const k of SORT_KEYS) expect(parseQuery(`sort:${k}`).sort).toBe(k);
    expect(parseQuery('sort:created status:open sort:-updated').sort).toBe('-updated');
    expect(parseQuery('SORT:ID').sort).toBe('id');
  });
});

describe('parseQuery: free text, negation, quoting', () => {
  it('bare words and phrases are separate ANDed text terms', () => {
    expect(filters('printer jam "paper tray" 10:30')).toEqual([
      { field: 'text', negated: false, text: 'printer' },
      { field: 'text', negated: false, text: 'jam' },
      { field: 'text', negated: false, text: 'paper tray' },
      { field: 'text', negated: false, text: '10:30' },
    ]);
  });

  it('a leading - negates a word, a phrase or a field', () => {
    expect(filters('-spam -"out of office" -status:closed,resolved')).toEqual([
      { field: 'text', negated: true, text: 'spam' },
      { field: 'text', negated: true, text: 'out of office' },
      { field: 'status', negated: true, values: ['closed', 'resolved'] },
    ]);
  });

  it('quotes escape " and \\; a dash inside a word is text', () => {
    expect(one('"say \\"hi\\" \\\\ c:\\temp"')).toEqual({ field: 'text', negated: false, text: 'say "hi" \\ c:\\temp' });
    expect(one('wi-fi')).toEqual({ field: 'text', negated: false, text: 'wi-fi' });
    expect(one('--x')).toEqual({ field: 'text', negated: true, text: '-x' });
    expect(one('100%_off')).toEqual({ field: 'text', negated: false, text: '100%_off' });
  });

  it('OR in a field removes duplicates but keeps order', () => {
    expect(one('tag:b,a,b,A')).toMatchObject({ values: ['b', 'a'] });
  });
});

describe('parseQuery: errors name the problem and the column', () => {
  const cases: [string, string, number][] = [
    ['stauts:open', "unknown field 'stauts' at column 1 (did you mean 'status'?)", 1],
    ['tag:vpn -stauts:open', "unknown field 'stauts' at column 10 (did you mean 'status'?)", 10],
    ['status:opne', "unknown status 'opne' at column 8 (did you mean 'open'?)", 8],
    ['status:open,pendng', "unknown status 'pendng' at column 13 (did you mean 'pending'?)", 13],
    ['prio:p5', "unknown priority 'p5' at column 6", 6],
    ['tier:L4', "unknown tier 'L4' at column 6", 6],
    ['channel:fax', "unknown channel 'fax' at column 9", 9],
    ['status:', "empty value for 'status' at column 8", 8],
    ['status:open,', "empty value for 'status' at column 13", 13],
    ['tag:,vpn', "empty value for 'tag' at column 5", 5],
    ['requester:""', "empty value for 'requester' at column 11", 11],
    ['"printer jam', 'unclosed quote at column 1', 1],
    ['tag:vpn requester:"Ana', 'unclosed quote at column 19', 19],
    ['x "', 'unclosed quote at column 3', 3],
    ['""', 'empty phrase at column 1', 1],
    ['created:>2026-13-01', "bad date '2026-13-01' at column 10", 10],
    ['created:2026-02-30', "bad date '2026-02-30' at column 9", 9],
    ['updated:>=2026-11-20T25:00', "bad date '2026-11-20T25:00' at column 11", 11],
    ['created:yesterday', "bad date 'yesterday' at column 9", 9],
    ['age:>7x', "bad duration '7x' at column 6", 6],
    ['age:>-7d', "bad duration '-7d' at column 6", 6],
    ['due:<2', "bad duration '2' at column 6", 6],
    ['age:7d', "'age' needs a comparison at column 5", 5],
    ['due:=1h', "'due' needs a comparison at column 5", 5],
    ['id:HD-x', "bad ticket reference 'HD-x' at column 4", 4],
    ['tag:"a b"', "bad tag 'a b' at column 5", 5],
    ['sort:newest', "unknown sort 'newest' at column 6", 6],
    ['-sort:created', "'sort' cannot be negated at column 1", 1],
    ['sort:id,created', "'sort' takes one key at column 9", 9],
    ['vpn -', "nothing after '-' at column 5", 5],
    ['foo"bar"', `unexpected '"' at column 4`, 4],
    ['tag:"vpn"x', "unexpected 'x' at column 10", 10],
    ['héllo wörld stauts:x', "unknown field 'stauts' at column 13", 13],
    ['🙂 stauts:x', "unknown field 'stauts' at column 3", 3],
  ];
  it.each(cases)('%s', (input, message, column) => {
    const e = error(input);
    expect(e.message.startsWith(message)).toBe(true);
    expect(e.column).toBe(column);
    expect(e.message).not.toContain('\n');
  });

  it('quotes user text on one line, control characters escaped, long text clipped', () => {
    expect(error('status:"a\nb\u001b[31m"').message).toBe(
      "unknown status 'a\\u000ab\\u001b[31m' at column 8 (expected: new, open, pending, on_hold, resolved, closed, active)",
    );
    const long = error(`tag:${'x'.repeat(100)}!`).message;
    expect(long).toMatch(/^bad tag 'x{39}…' at column 5 /);
  });

  it('lists the fields when nothing is close', () => {
    expect(error('xyzzy:1').message).toMatch(/^unknown field 'xyzzy' at column 1 \(fields: status, prio, .*sort\)$/);
  });
});

describe('formatQuery', () => {
  it('prints the canonical form', () => {
    const text =
      'Status:Active prio:p1 -"out of office" created:>2026-11-01 updated:2026-11-20T10:00+02:00 age:>14d due:<-60m,overdue id:7 requester:"Ana Lima" 10:30 sort:-created';
    expect(formatQuery(parseQuery(text))).toBe(
      'status:new,open,pending,on_hold priority:urgent -"out of office" created:>2026-11-01 updated:2026-11-20T08:00 age:>2w due:<-1h,overdue id:HD-7 requester:"Ana Lima" "10:30" sort:-created',
    );
    expect(formatQuery(parseQuery('sort:urgency'))).toBe('');
  });
});

// ── properties ──

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const list = (arb: fc.Arbitrary<string>) => fc.array(arb, { minLength: 1, maxLength: 3 }).map((xs) => xs.join(','));
const mixedCase = (s: string) => fc.boolean().map((up) => (up ? s.toUpperCase() : s));
const op = pick(['', '=', '>', '>=', '<', '<=']);
const cmp = pick(['>', '>=', '<', '<=']);
const dur = fc.tuple(fc.integer({ min: 0, max: 500 }), pick(['m', 'h', 'd', 'w', 'D'])).map(([n, u]) => `${n}${u}`);
const date = fc
  .tuple(
    fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-01-01T00:00:00Z'), noInvalidDate: true }),
    pick([10, 16, 19, 23, 24]),
    pick(['', '+02:00', '-0530', 'Z', '+01']),
  )
  .map(([d, len, zone]) => d.toISOString().slice(0, len).replace(/Z$/, '') + (len === 10 ? '' : zone));
const freeText = fc.oneof(
  pick(['printer', 'jam', 'VPN', '100%', 'a_b', 'c:\\temp', 'wi-fi', 'say "hi"', 'ünïcödé', 'two words']),
  fc.string({ minLength: 1, maxLength: 8 }),
);
const phrase = (s: string) => `"${s.replace(/[\\"]/g, '\\$&')}"`;

/** Query terms from the grammar, written the many ways a person might. */
const termArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.boolean(),
    fc.oneof(
      list(fc.oneof(pick(STATUSES).chain(mixedCase), fc.constant('active'), fc.constant('on-hold'))).map((v) => `status:${v}`),
      fc.tuple(pick(['prio', 'priority']), list(pick([...PRIORITIES, 'p1', 'P2', 'p3', 'p4']))).map(([f, v]) => `${f}:${v}`),
      list(fc.oneof(pick(['me', 'none', 'Ana', 'bob@example.com']), fc.constant('"Ana Lima"'))).map((v) => `assignee:${v}`),
      list(pick(['l1', 'L2', 'l3'])).map((v) => `tier:${v}`),
      list(pick(['vpn', 'spam', 'wi-fi', 'c++', 'VPN'])).map((v) => `tag:${v}`),
      list(pick(['printer', 'Network', 'badges'])).map((v) => `category:${v}`),
      list(pick([...CHANNELS, 'walk-in'])).map((v) => `channel:${v}`),
      list(fc.oneof(pick(['ana', 'x@y.z']), freeText.map(phrase))).map((v) => `requester:${v}`),
      fc.tuple(pick(['created', 'updated']), list(fc.tuple(op, date).map(([o, d]) => o + d))).map(([f, v]) => `${f}:${v}`),
      list(fc.tuple(cmp, dur).map(([o, d]) => o + d)).map((v) => `age:${v}`),
      list(
        fc.oneof(
          pick(['overdue', 'none']),
          fc.tuple(cmp, fc.boolean(), dur).map(([o, neg, d]) => `${o}${neg ? '-' : ''}${d}`),
        ),
      ).map((v) => `due:${v}`),
      list(fc.integer({ min: 1, max: 99999 }).map((n) => (n % 2 ? `HD-${n}` : `${n}`))).map((v) => `id:${v}`),
      freeText.map(phrase),
      pick(['printer', 'jam', 'wi-fi', '10:30', '100%']),
    ),
  )
  .map(([neg, t]) => (neg && !t.startsWith('-') ? `-${t}` : t));
const sortArb = pick(SORT_KEYS).map((k) => `sort:${k}`);
const queryArb = fc.tuple(fc.array(termArb, { maxLength: 6 }), fc.option(sortArb)).map(([ts, s]) => [...ts, ...(s ? [s] : [])].join(' '));

describe('properties', () => {
  it('any string parses or throws a one-line QueryError with a column inside the input', () => {
    const junk = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc
        .array(fc.oneof(termArb, pick(['"', '-', ',', ':', '\\', ' ', 'status:', 'due:<', 'x:y', '>=', '\n'])), { maxLength: 8 })
        .map((xs) => xs.join('')),
    );
    fc.assert(
      fc.property(junk, (input) => {
        try {
          parseQuery(input);
        } catch (e) {
          if (!(e instanceof QueryError)) throw e;
          expect(e.column).toBeGreaterThanOrEqual(1);
          expect(e.column).toBeLessThanOrEqual([...input].length + 1);
          expect(e.message).toContain(`at column ${e.column}`);
          expect(e.message).not.toMatch(/[\r\n]/);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('queries from the grammar parse', () => {
    fc.assert(
      fc.property(queryArb, (input) => {
        parseQuery(input);
      }),
      { numRuns: 1000 },
    );
  });

  it('format then parse gives back the same query', () => {
    const input = fc.oneof(queryArb, fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 20 }));
    fc.assert(
      fc.property(input, (text) => {
        let q: ParsedQuery;
        try {
          q = parseQuery(text);
        } catch (e) {
          if (e instanceof QueryError) return;
          throw e;
        }
        const printed = formatQuery(q);
        expect(parseQuery(printed)).toEqual(q);
        expect(formatQuery(parseQuery(printed))).toBe(printed);
      }),
      { numRuns: 2000 },
    );
  });
});
