/**
 * KB search at 10k and 50k articles (2k and 10k with --quick): the store's searchKb (FTS5 bm25,
 * synonyms, fuse.js re-rank, typo fallback) against plain fuse.js with `ignoreLocation: true` over
 * the same corpus in the same process. Articles are 1–4 KB of Markdown drawn from an IT vocabulary
 * with a Zipf-like spread and a long tail (error codes, host names), so the index sees realistic
 * term frequencies; they are written with one prepared statement in one transaction.
 * Targets: ours ≥ 20× faster than plain fuse.js at each size (ratio ≤ 0.05); p50 at the large
 * size ≤ 3× p50 at the small one.
 */
import Fuse from 'fuse.js';
import { join } from 'node:path';
import { openDatabase, type Desk } from '../../src/db/database.js';
import { searchColumns } from '../../src/domain/kb-text.js';
import { searchKb } from '../../src/store/kb-search.js';
import { benchDesk } from '../lib/env.js';
import type { Measurement, Scenario } from '../lib/scenario.js';
import { median, percentile } from '../lib/stats.js';

const TOPICS = (
  'printer vpn outlook mailbox laptop monitor dock wifi password account mfa teams browser driver disk backup onedrive ' +
  'sharepoint bitlocker phone licence keyboard mouse headset webcam server firewall certificate proxy dns dhcp citrix excel word ' +
  'powerpoint adobe zoom scanner projector badge tablet intune bios ssd battery charger usb bluetooth sso calendar spooler'
).split(' ');
const PROBLEMS = [
  "won't connect",
  'keeps crashing',
  'is slow',
  'not syncing',
  'access denied',
  'jammed',
  'offline',
  'locked out',
  'expired',
  'missing',
  'not detected',
  'flickering',
  'no sound',
  'freezes',
  'fails to install',
  'blue screen',
  'times out',
  'disconnects',
  'asks for password',
  'shows error',
  'cannot print',
  'out of space',
  'not charging',
  'update failed',
];
const VERBS = ['How to fix:', 'Troubleshoot', 'Reset', 'Configure', 'Install', 'Replace', 'Recover', 'Enable', 'Remove', 'Update', 'Check'];
const COMMON = (
  'the a to and of in on for with is it this that your you if then check open select click restart sign user device ' +
  'settings network connection error message update install account admin policy group service status log ticket manager team ' +
  'windows macos office cloud portal console access data file folder share drive profile cache reset reboot cable port screen ' +
  'system software hardware version latest support escalate verify confirm identity remote session tool menu option tab button ' +
  'window app application client server request approval asset tag serial model vendor warranty replace repair temporary'
).split(' ');

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Vocabulary ordered by frequency rank: common words, topics, then a long tail of rare tokens. */
function vocabulary(): string[] {
  const tail = Array.from({ length: 6000 }, (_, i) =>
    i % 3 === 0 ? `0x8007${((i * 2654435761) >>> 0).toString(16).slice(0, 4)}` : i % 3 === 1 ? `srv-${i}` : `kb${500000 + i}`,
  );
  return [...COMMON, ...TOPICS, ...PROBLEMS.flatMap((p) => p.split(' ')), ...tail];
}

function zipf(size: number, rand: () => number): () => number {
  const cum: number[] = [];
  let total = 0;
  for (let i = 0; i < size; i++) cum.push((total += 1 / (i + 1)));
  return () => {
    const x = rand() * total;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

interface Doc {
  title: string;
  tags: string;
  body: string;
}

function makeDoc(rand: () => number, words: string[], pick: () => number): Doc {
  const one = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const [topic, other, problem] = [one(TOPICS), one(TOPICS), one(PROBLEMS)];
  const sentence = () => {
    const n = 8 + Math.floor(rand() * 12);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(rand() < 0.12 ? (rand() < 0.7 ? topic : other) : words[pick()]!);
    return `${out.join(' ')}.`;
  };
  const target = 1000 + Math.floor(rand() * 3000);
  const parts = [`## Symptoms\n\nThe ${topic} ${problem}. ${sentence()}`, '## Resolution'];
  let size = parts.join('\n\n').length;
  for (let step = 1; size < target; step++) {
    const line = rand() < 0.5 ? `${step}. ${sentence()} ${sentence()}` : `${sentence()} ${sentence()} ${sentence()}`;
    parts.push(line);
    size += line.length + 2;
  }
  return { title: `${one(VERBS)} ${topic} ${problem}`, tags: [topic, other].join(','), body: parts.join('\n\n') };
}

/** Writes `count` articles with one prepared statement in one transaction; returns them for fuse. */
export function generate(desk: Desk, count: number, seed: number): Doc[] {
  const rand = random(seed);
  const words = vocabulary();
  const pick = zipf(words.length, rand);
  const docs = Array.from({ length: count }, () => makeDoc(rand, words, pick));
  const insert = desk.sqlite.prepare(`INSERT INTO kb_articles (slug, title, body, category, tags, audience, status, author_name,
    created_at, updated_at, search_title, search_tags, search_body) VALUES (?, ?, ?, 'general', ?, 'internal', 'published', 'bench', ?, ?, ?, ?, ?)`);
  const now = Date.now();
  desk.sqlite.transaction(() => {
    docs.forEach((d, i) => {
      const s = searchColumns({ title: d.title, tags: d.tags.split(','), body: d.body });
      insert.run(`bench-${i}`, d.title, d.body, d.tags, now, now, s.search_title, s.search_tags, s.search_body);
    });
  })();
  return docs;
}

const QUERIES = [
  "vpn won't connect",
  'printer jammed',
  'outlook not syncing',
  'laptop is slow',
  'password expired',
  'teams no sound',
  'monitor flickering dock',
  'bitlocker recover',
  'wifi disconnects',
  'onedrive sync',
  'certificate proxy',
  'pritner offline',
  'install adobe',
  'scanner',
  'srv-1234',
  'webcam not detected',
];

const time = async (f: () => Promise<unknown> | unknown) => {
  const start = process.hrtime.bigint();
  await f();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

interface Size {
  articles: number;
  ours: number[];
  fuse: number[];
  build: number;
}

async function measure(count: number, quick: boolean, dir: string): Promise<Size> {
  const desk = await openDatabase(join(dir, `kb-${count}.db`));
  try {
    const started = Date.now();
    const docs = generate(desk, count, 7);
    const build = Date.now() - started;
    const fuse = new Fuse(docs, { keys: ['title', 'tags', 'body'], ignoreLocation: true, includeScore: true });
    const rounds = quick ? 3 : 7;
    for (const q of QUERIES) await searchKb(desk.db, q, { limit: 10 });
    const ours: number[] = [];
    for (let r = 0; r < rounds; r++) for (const q of QUERIES) ours.push(await time(() => searchKb(desk.db, q, { limit: 10 })));
    const plain: number[] = [];
    // Plain fuse.js takes seconds per query at these sizes: a few queries give its median.
    for (const q of QUERIES.slice(0, count > 20_000 ? 3 : 4)) plain.push(await time(() => fuse.search(q, { limit: 10 })));
    return { articles: count, ours, fuse: plain, build };
  } finally {
    await desk.close();
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

const kbSearch: Scenario = {
  name: 'kb-search',
  async run({ quick }) {
    const tmp = benchDesk('deskline-bench-kb-');
    try {
      const [small, large] = [
        await measure(quick ? 2_000 : 10_000, quick, tmp.dir),
        await measure(quick ? 10_000 : 50_000, quick, tmp.dir),
      ];
      const out: Measurement[] = [small, large].map((s) => ({
        label: `kb search p50 (${s.articles.toLocaleString('en-US')} articles)`,
        unit: 'ms',
        samples: s.ours,
        baseline: { label: 'plain fuse.js ignoreLocation, same corpus', samples: s.fuse },
        target: { op: '<=', value: 0.05 },
        extra: {
          p50_ms: round(median(s.ours)),
          p95_ms: round(percentile(s.ours, 95)),
          fuse_p50_ms: round(median(s.fuse)),
          fuse_p95_ms: round(percentile(s.fuse, 95)),
          speedup: round(median(s.fuse) / median(s.ours)),
          corpus_build_ms: s.build,
        },
      }));
      out.push({
        label: `kb search ${large.articles / 1000}k vs ${small.articles / 1000}k`,
        unit: 'ms',
        samples: large.ours,
        baseline: { label: `kb search at ${small.articles / 1000}k`, samples: small.ours },
        target: { op: '<=', value: 3 },
        extra: { ratio_p95: round(percentile(large.ours, 95) / percentile(small.ours, 95)) },
      });
      return out;
    } finally {
      tmp.dispose();
    }
  },
};

export default kbSearch;
