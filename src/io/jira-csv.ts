/**
 * Jira's CSV export (Filters → Export → CSV, all fields) as Jira issues: repeated columns (`Labels`,
 * `Component/s`, `Comment`) read as lists, `Comment` cells as `date;author;text`, `Custom field (Name)`
 * columns kept as lines of a note. Errors name the file and line.
 */
import { parse } from 'csv-parse/sync';
import { EXIT, fail } from '../errors.js';
import type { JiraComment, JiraIssue } from './jira-issue.js';
import { jiraCsvTime } from './jira-map.js';
import { wikiToText } from './wiki-text.js';
import { badRecord } from './vendor-record.js';
import { DEFAULT_LIMITS, limitText, type ImportLimits } from './import-limits.js';

type Row = { record: string[]; info: { lines: number } };

const REQUIRED = ['Issue key', 'Summary'];

function rowsOf(name: string, text: string, limits: ImportLimits): Row[] {
  try {
    const options = {
      info: true,
      bom: true,
      relax_column_count: false,
      skip_empty_lines: true,
      max_record_size: limits.recordBytes,
    } as const;
    return parse(text, options) as unknown as Row[];
  } catch (error) {
    const e = error as { message?: string; lines?: number; code?: string };
    if (e.code === 'CSV_MAX_RECORD_SIZE')
      return fail(EXIT.invalid, `${name}:${e.lines ?? 1}: a record longer than ${limitText(limits, 'record')}`);
    const reason = (e.message ?? String(error)).replace(/ on line \d+$| at line \d+$/, '').split('\n')[0];
    return fail(EXIT.invalid, `${name}${e.lines ? ` line ${e.lines}` : ''}: is not a readable CSV file (${reason})`);
  }
}

export function parseJiraCsv(name: string, text: string, limits: ImportLimits = DEFAULT_LIMITS): JiraIssue[] {
  if (text.trim() === '') fail(EXIT.invalid, `${name}: is empty (no CSV header)`);
  const rows = rowsOf(name, text, limits);
  const header = rows[0]!.record.map((h) => h.trim());
  for (const column of REQUIRED)
    if (!header.includes(column))
      fail(EXIT.invalid, `${name} line 1: no '${column}' column (a Jira CSV export has Summary, Issue key, Status, …)`);
  const columns = new Map<string, number[]>();
  header.forEach((h, i) => columns.set(h, [...(columns.get(h) ?? []), i]));
  const issues: JiraIssue[] = [];
  let previousEnd = rows[0]!.info.lines;
  for (const row of rows.slice(1)) {
    const where = `${name} line ${previousEnd + 1}`;
    previousEnd = row.info.lines;
    issues.push(issueOf(row.record, where, columns, header));
  }
  if (issues.length === 0) fail(EXIT.invalid, `${name}: has a header but no issues`);
  return issues;
}

function issueOf(record: string[], where: string, columns: Map<string, number[]>, header: string[]): JiraIssue {
  const all = (column: string) => (columns.get(column) ?? []).map((i) => record[i]!.trim()).filter((v) => v !== '');
  const one = (column: string) => all(column)[0] ?? '';
  const named = one('Issue key') ? `${where} (${one('Issue key')})` : where;
  const time = (column: string) => {
    const ms = jiraCsvTime(one(column));
    return ms === 'bad' ? badRecord(named, column, `is not a time such as 21/Mar/23 10:15 AM (got '${one(column).slice(0, 40)}')`) : ms;
  };
  const person = (column: string) => (one(column) ? { name: one(column), email: null } : null);
  const reporter = person('Reporter');
  const reporterKeys = [one('Reporter Id'), one('Reporter'), one('Creator Id')].filter((k) => k !== '');
  const assignee = person('Assignee');
  const people = [
    { keys: reporterKeys, person: reporter },
    { keys: [one('Assignee Id'), one('Assignee')].filter((k) => k !== ''), person: assignee },
  ];
  const comments = all('Comment').map((cell, i) => commentOf(cell, named, i, people));
  const fieldLines = header.flatMap((h, i) => {
    const custom = /^Custom field \((.+)\)$/.exec(h);
    const value = record[i]!.trim();
    return custom && value ? [`${custom[1]}: ${value.replace(/\s+/g, ' ')}`] : [];
  });
  return {
    where,
    key: one('Issue key'),
    summary: one('Summary'),
    description: wikiToText(one('Description')),
    status: one('Status'),
    statusCategory: one('Status Category').toLowerCase() || null,
    priority: one('Priority'),
    resolution: one('Resolution'),
    type: one('Issue Type'),
    labels: all('Labels'),
    components: all('Component/s'),
    reporter,
    reporterKeys,
    assignee,
    created: time('Created'),
    updated: time('Updated'),
    resolved: time('Resolved'),
    comments,
    fieldLines,
  };
}

/** `21/Mar/23 10:15 AM;557058:f581…;Text` (the text may hold `;`); a cell without the prefix is all text. */
type Known = { keys: string[]; person: JiraIssue['reporter'] }[];

function commentOf(cell: string, where: string, index: number, people: Known): JiraComment {
  const m = /^([^;]{6,40});([^;]*);([\s\S]*)$/.exec(cell);
  const at = m ? jiraCsvTime(m[1]!) : 'bad';
  if (!m || at === 'bad')
    return { author: { name: 'Jira', email: null }, authorKey: '', body: wikiToText(cell), createdAt: null, public: true };
  if (at === null) badRecord(where, `Comment ${index + 1}`, 'has no time');
  const key = m[2]!.trim();
  const known = people.find((p) => p.person && p.keys.some((k) => k.toLowerCase() === key.toLowerCase()))?.person;
  const author = known ?? { name: key || 'Jira', email: null };
  return { author, authorKey: key, body: wikiToText(m[3]!), createdAt: at, public: true };
}
